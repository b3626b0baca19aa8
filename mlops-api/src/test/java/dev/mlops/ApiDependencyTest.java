package dev.mlops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The API module speaks only Java: no class in it may refer to a type outside java.* and dev.mlops.*. */
class ApiDependencyTest {

  private static final JavaClasses API_CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.mlops");

  @Test
  void apiClassesDependOnlyOnTheJdkAndTheApiItself() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "dev.mlops..")
        .because("mlops-api has no runtime dependency besides java.base")
        .check(API_CLASSES);
  }

  @Test
  void noApiSignatureNamesAnImplementationType() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.mlops.core..", "dev.mlops.onnx..", "dev.mlops.testkit..", "dev.mlops.cli..")
        .because("implementations depend on the api, never the other way: no api field, parameter, "
            + "return type, supertype or annotation may name a type from mlops-core or another module")
        .check(API_CLASSES);
  }

  @Test
  void theImportFindsTheApi() {
    // Guards the rule above against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(API_CLASSES.contain(dev.mlops.model.Model.class)).isTrue();
    org.assertj.core.api.Assertions.assertThat(API_CLASSES.containPackage("dev.mlops.core")).isFalse();
  }

}
