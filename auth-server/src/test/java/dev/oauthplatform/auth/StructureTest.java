package dev.oauthplatform.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout README "How the code is arranged" describes: feature packages that form no cycle,
 * the wiring ({@code config}) and the admin API on top, shared building blocks underneath.
 */
class StructureTest {

	/** Our classes, not the ones Spring generates from them ahead of time (AOT bean definitions, proxies). */
	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("dev.oauthplatform.auth");

	private static final String WIRING = "dev.oauthplatform.auth.config..";

	private static final String ADMIN_API = "dev.oauthplatform.auth.admin..";

	private static final String[] BUILDING_BLOCKS = { "dev.oauthplatform.auth.protocol..",
			"dev.oauthplatform.auth.persistence..", "dev.oauthplatform.auth.secret..", "dev.oauthplatform.auth.cluster..",
			"dev.oauthplatform.auth.audit.." };

	@Test
	void packagesFormNoCycle() {
		slices().matching("dev.oauthplatform.auth.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void featuresDoNotReachIntoTheWiringOrTheAdminApi() {
		noClasses().that()
			.resideOutsideOfPackages(WIRING, ADMIN_API)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WIRING, ADMIN_API)
			.check(MAIN);
	}

	@Test
	void theAdminApiDoesNotReachIntoTheWiring() {
		noClasses().that().resideInAPackage(ADMIN_API).should().dependOnClassesThat().resideInAPackage(WIRING).check(MAIN);
	}

	@Test
	void buildingBlocksKnowNoFeature() {
		classes().that()
			.resideInAnyPackage(BUILDING_BLOCKS)
			.should()
			.onlyDependOnClassesThat(not(resideInAnyPackage("dev.oauthplatform..")).or(resideInAnyPackage(BUILDING_BLOCKS)))
			.check(MAIN);
	}

	/**
	 * The root package holds the application class alone, and the {@code (**)} slices leave it out:
	 * nothing points back up to it.
	 */
	@Test
	void nothingDependsOnTheRootPackage() {
		noClasses().that()
			.resideOutsideOfPackage("dev.oauthplatform.auth")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.oauthplatform.auth")
			.check(MAIN);
	}

}
