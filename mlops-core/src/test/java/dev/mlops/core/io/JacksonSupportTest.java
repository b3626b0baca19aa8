package dev.mlops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.MlopsException;
import dev.mlops.core.experiments.FileTracker;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JacksonSupportTest {
  /** Filled by the maven-dependency-plugin (see mlops-core/pom.xml). */
  private static final Path OLD_JACKSON = Path.of("target", "jackson-2.14");

  @TempDir Path dir;

  @Test
  void olderThan215IsRefusedNamingFoundAndNeeded() {
    assertThatThrownBy(() -> JacksonSupport.check("jackson-core", "2.14.2"))
        .isInstanceOf(MlopsException.class)
        .hasMessage("mlops-core needs Jackson 2.15.0 or newer, but jackson-core 2.14.2 is on the"
            + " class path; upgrade Jackson (with Spring Boot 3.0 set the property"
            + " jackson-bom.version to 2.15.0 or newer)");
    assertThatThrownBy(() -> JacksonSupport.check("jackson-databind", "1.9.13"))
        .hasMessageContaining("jackson-databind 1.9.13");
  }

  @Test
  void supportedVersionsPass() {
    assertThatCode(() -> {
      JacksonSupport.check("jackson-core", "2.15.0");
      JacksonSupport.check("jackson-core", "2.21.3");
      JacksonSupport.check("jackson-core", "2.100.0-SNAPSHOT");
      JacksonSupport.require(); // the build's own Jackson
    }).doesNotThrowAnyException();
  }

  @Test
  void fileTrackerOnSpringBoot30sJacksonFailsWithTheVersionsNotNoClassDefFound()
      throws IOException, InterruptedException, URISyntaxException {
    List<String> classPath = new ArrayList<>(List.of(
        location(JacksonProbe.class), location(FileTracker.class), location(MlopsException.class)));
    try (Stream<Path> jars = Files.list(OLD_JACKSON)) {
      jars.map(Path::toString).sorted().forEach(classPath::add);
    }
    assertThat(classPath).anyMatch(p -> p.endsWith("jackson-core-2.14.3.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
        JacksonProbe.class.getName(), dir.resolve("store").toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEqualTo("failed: dev.mlops.MlopsException: mlops-core needs Jackson 2.15.0"
        + " or newer, but jackson-core 2.14.3 is on the class path; upgrade Jackson (with Spring Boot"
        + " 3.0 set the property jackson-bom.version to 2.15.0 or newer)" + System.lineSeparator());
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
