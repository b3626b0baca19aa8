package dev.mlops.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mlops.testkit.experiments.ExperimentTrackerContractTest;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * mlops-testkit builds on the api alone: if it reached into mlops-core, core's tests could not
 * extend its contract kits without a reactor cycle.
 */
class TestkitDependencyTest {

  private static final JavaClasses TESTKIT_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.mlops.testkit");

  @Test
  void testkitDoesNotDependOnCore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.mlops.core..", "dev.mlops.onnx..", "dev.mlops.cli..")
        .because("mlops-testkit depends on mlops-api, JUnit and AssertJ only (and optionally Micrometer)")
        .check(TESTKIT_CLASSES);
  }

  @Test
  void onlyOneClassTouchesMicrometerSoHostsWithoutItNeverLoadIt() {
    noClasses().that().haveNameNotMatching("dev\\.mlops\\.testkit\\.MeterRegistries(\\$.*)?")
        .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
        .because("Micrometer is optional: the extension names its types as text and loads MeterRegistries on demand")
        .check(TESTKIT_CLASSES);
  }

  @Test
  void theModuleReadsTheApiJUnitAndAssertJAndMicrometerOnlyWhenPresent() throws URISyntaxException {
    Path classes = Path.of(TestClock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor module = ModuleFinder.of(classes).find("dev.mlops.testkit").orElseThrow().descriptor();
    assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
        .containsExactlyInAnyOrder("java.base", "dev.mlops.api", "org.junit.jupiter.api", "org.assertj.core",
            "micrometer.core");
    assertThat(module.requires()).filteredOn(r -> r.name().equals("micrometer.core")).singleElement()
        .satisfies(r -> assertThat(r.modifiers()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
    assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("dev.mlops.testkit", "dev.mlops.testkit.data", "dev.mlops.testkit.experiments",
            "dev.mlops.testkit.model", "dev.mlops.testkit.drift", "dev.mlops.testkit.events",
            "dev.mlops.testkit.deployment", "dev.mlops.testkit.monitoring", "dev.mlops.testkit.feedback",
            "dev.mlops.testkit.evaluation", "dev.mlops.testkit.labels");
  }

  @Test
  void theImportFindsTheTestkit() {
    // Guards the rule above against passing vacuously on an empty import.
    assertThat(TESTKIT_CLASSES.contain(ExperimentTrackerContractTest.class)).isTrue();
    assertThat(TESTKIT_CLASSES.contain(TestClock.class)).isTrue();
  }
}
