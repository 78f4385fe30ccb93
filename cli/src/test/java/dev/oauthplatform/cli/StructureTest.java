package dev.oauthplatform.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout README "How the code is arranged" describes: the root package is the entry point
 * ({@link Oauthctl}: the command tree and its error handling) and knows every command; the
 * commands ({@code login}, {@code token}, {@code curl}, {@code status}, {@code logout}) build on
 * {@code server}, {@code store} and {@code support}, and nothing points back up.
 */
class StructureTest {

	private static final String ROOT = "dev.oauthplatform.cli";

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** Every package its own slice, the root package ({@code cli}) included. */
	@Test
	void packagesFormNoCycle() {
		slices().matching("dev.oauthplatform.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void nothingDependsOnTheRootPackage() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT)
			.because("the root package is the entry point: what the commands share lives in support")
			.check(MAIN);
	}

}
