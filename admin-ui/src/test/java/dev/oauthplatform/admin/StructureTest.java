package dev.oauthplatform.admin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The console's packages depend on one another without cycles, and only the Spring set-up
 * (config, and the application class in the root package) knows the config package.
 */
class StructureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("dev.oauthplatform.admin");

	@Test
	void packagesAreFreeOfCycles() {
		ArchRule rule = slices().matching("dev.oauthplatform.admin.(**)").should().beFreeOfCycles();
		rule.check(CLASSES);
	}

	@Test
	void onlyTheSetUpDependsOnConfig() {
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackages("dev.oauthplatform.admin.config..", "dev.oauthplatform.admin")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.oauthplatform.admin.config..");
		rule.check(CLASSES);
	}

	/**
	 * The root package holds the application class alone, and the {@code (**)} slices leave it out:
	 * nothing points back up to it.
	 */
	@Test
	void nothingDependsOnTheRootPackage() {
		noClasses().that()
			.resideOutsideOfPackage("dev.oauthplatform.admin")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.oauthplatform.admin")
			.check(CLASSES);
	}

}
