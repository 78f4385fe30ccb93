package dev.oauthplatform.resource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How resource-api's packages may depend on one another: the features ({@code caller},
 * {@code note}, {@code token}, {@code web}) form no cycle, and {@code config} is the wiring that
 * puts them together, so no feature reaches into it (each feature keeps its own settings).
 */
class StructureTest {

	private static final String BASE = "dev.oauthplatform.resource";

	/** Our classes, not the ones Spring generates from them ahead of time (AOT bean definitions, proxies). */
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages(BASE);

	@Test
	void featurePackagesFormNoCycle() {
		slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void featuresDoNotReachIntoTheWiring() {
		noClasses().that()
			.resideOutsideOfPackages(BASE + ".config..", BASE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".config..")
			.because("config wires the features together; a feature that needs a setting owns it")
			.check(classes);
	}

	/**
	 * The root package holds the application class alone, and the {@code (**)} slices leave it out:
	 * nothing points back up to it.
	 */
	@Test
	void nothingDependsOnTheRootPackage() {
		noClasses().that()
			.resideOutsideOfPackage(BASE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE)
			.check(classes);
	}

}
