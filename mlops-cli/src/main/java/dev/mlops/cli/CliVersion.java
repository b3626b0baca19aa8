package dev.mlops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK version, filtered into {@code mlops-version.properties} by the build. */
final class CliVersion {
  private CliVersion() {}

  /** Returns the version, e.g. "0.1.0-SNAPSHOT". */
  public static String get() {
    try (InputStream in = CliVersion.class.getResourceAsStream("/dev/mlops/cli/mlops-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("mlops-version.properties is missing from the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
