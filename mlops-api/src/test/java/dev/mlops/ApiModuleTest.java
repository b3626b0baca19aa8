package dev.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mlops.model.Model;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled {@code module-info} of mlops-api: it reads {@code java.base} alone and exports
 * exactly the packages that hold public types, so a new api package cannot be forgotten in the
 * exports (nor an internal one slip in).
 */
class ApiModuleTest {

  private static ModuleDescriptor descriptor() throws URISyntaxException {
    Path classes = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(classes).find("dev.mlops.api").orElseThrow().descriptor();
  }

  @Test
  void readsJavaBaseAlone() throws URISyntaxException {
    assertThat(descriptor().requires()).extracting(ModuleDescriptor.Requires::name)
        .containsExactly("java.base");
  }

  @Test
  void exportsExactlyThePackagesWithPublicTypes() throws URISyntaxException {
    Set<String> withPublicTypes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.mlops")
        .stream()
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
        .map(JavaClass::getPackageName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> exported = descriptor().exports().stream()
        .peek(e -> assertThat(e.isQualified()).as("qualified export of %s", e.source()).isFalse())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(withPublicTypes).contains("dev.mlops", "dev.mlops.model");
    assertThat(exported).isEqualTo(withPublicTypes);
  }
}
