package dev.madang.architecture;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.madang.MadangApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Feature modules as Spring Modulith sees them (each direct subpackage of {@code dev.madang} is a module, its
 * subpackages its internals): no cycles between them and no reach into another module's internals.
 */
class ModuleBoundaryTest {

	/**
	 * The search library ({@code dev.madang.search.index}, {@code .local}, {@code .insight}) is its own Maven module: a dependency of
	 * the application like any library, not internals of the api's search module that happen to share its prefix.
	 */
	static final ApplicationModules MODULES = ApplicationModules.of(MadangApplication.class,
			JavaClass.Predicates.resideInAnyPackage("dev.madang.search.index..", "dev.madang.search.local..",
					"dev.madang.search.insight.."));

	/** The two small applications below are test classes, which Modulith leaves out unless told. */
	private static final ImportOption FIXTURES = (location) -> true;

	@Test
	void modulesDependOnEachOthersPublicSurfaceOnlyAndWithoutCycles() {
		MODULES.verify();
	}

	@Test
	void theDiagramOfTheModulesIsWritten() throws Exception {
		new Documenter(MODULES, "target/modulith-docs").writeModulesAsPlantUml();
		Path diagram = Path.of("target/modulith-docs/components.puml");
		assertThat(Files.readString(diagram)).contains("Events").contains("Search").contains("Knowledge");
	}

	@Test
	void theCheckRefusesACycle() {
		assertThatExceptionOfType(Violations.class)
			.isThrownBy(() -> ApplicationModules.of("dev.madang.architecture.cyclic", FIXTURES).verify())
			.withMessageContaining("Cycle detected");
	}

	@Test
	void theCheckRefusesAReachIntoAnotherModulesInternals() {
		assertThatExceptionOfType(Violations.class)
			.isThrownBy(() -> ApplicationModules.of("dev.madang.architecture.reaching", FIXTURES).verify())
			.withMessageContaining("non-exposed type")
			.withMessageContaining("PriceTable");
	}

}
