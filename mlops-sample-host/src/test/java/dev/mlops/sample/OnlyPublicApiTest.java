package dev.mlops.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sample, its tests included, uses only what the mlops modules export: public types of the
 * packages in the {@code exports} of each mlops {@code module-info} (api, testkit) or of the
 * modules without one (core, onnx, testkit-onnx: automatic modules, every package exported), and
 * never a package-private type. The JDK, JUnit, AssertJ and ArchUnit are the test's own tools.
 */
class OnlyPublicApiTest {
  private static final List<String> TOOLS = List.of("java.", "org.junit.", "org.assertj.", "com.tngtech.archunit.");
  private static final List<String> AUTOMATIC = List.of("dev.mlops.core", "dev.mlops.onnx", "dev.mlops.testkit.onnx");

  /** Every package an explicit mlops module exports, read from its module-info on the class path. */
  static Set<String> explicitExports() {
    Set<String> exports = new HashSet<>();
    try {
      for (URL url : Collections.list(OnlyPublicApiTest.class.getClassLoader().getResources("module-info.class"))) {
        try (InputStream in = url.openStream()) {
          ModuleDescriptor m = ModuleDescriptor.read(in);
          if (m.name().startsWith("dev.mlops.")) {
            m.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exports.add(e.source()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return exports;
  }

  static DescribedPredicate<JavaClass> publicMlopsApi(Set<String> exports) {
    return DescribedPredicate.describe("public types of exported mlops packages (" + exports.size()
        + " explicit exports), the sample itself, the JDK and the test tools", c -> {
          String pkg = c.getPackageName();
          if (pkg.equals("dev.mlops.sample") || TOOLS.stream().anyMatch(pkg::startsWith) || c.isPrimitive()
              || c.isArray()) {
            return true;
          }
          boolean exported = exports.contains(pkg)
              || AUTOMATIC.stream().anyMatch(a -> pkg.equals(a) || pkg.startsWith(a + "."));
          boolean visible = c.getModifiers().contains(JavaModifier.PUBLIC)
              && c.getEnclosingClass().map(e -> e.getModifiers().contains(JavaModifier.PUBLIC)).orElse(true);
          return exported && visible;
        });
  }

  @Test
  void theSampleDependsOnlyOnExportedPublicApi() {
    Set<String> exports = explicitExports();
    classes().that().resideInAPackage("dev.mlops.sample..")
        .should().onlyDependOnClassesThat(publicMlopsApi(exports))
        .check(new ClassFileImporter().importPackages("dev.mlops.sample"));
  }

  @Test
  void theRuleRefusesInternalsAndOtherLibraries() {
    Set<String> exports = explicitExports();
    assertThat(exports).contains("dev.mlops.data", "dev.mlops.deployment", "dev.mlops.testkit.deployment");
    DescribedPredicate<JavaClass> allowed = publicMlopsApi(exports);
    JavaClasses feedback = new ClassFileImporter().importPackages("dev.mlops.core.feedback");
    assertThat(allowed.test(feedback.get("dev.mlops.core.feedback.PredictionLogger"))).isTrue();
    assertThat(allowed.test(feedback.get("dev.mlops.core.feedback.PredictionLogFormat")))
        .as("a package-private class of core").isFalse();
    // named as text: a class literal would itself break the rule (it did, which is how we know it bites)
    assertThat(allowed.test(new ClassFileImporter().importPackages("com.google.common.collect")
        .get("com.google.common.collect.ImmutableList"))).as("a library core happens to bring along").isFalse();
  }
}
