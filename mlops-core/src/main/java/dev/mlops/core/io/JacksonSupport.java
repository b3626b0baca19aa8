package dev.mlops.core.io;

import dev.mlops.MlopsException;
import java.util.function.Supplier;

/**
 * Checks that the Jackson on the class path is one mlops-core works with, before any Jackson API
 * newer than the host's is touched. mlops-core uses {@code StreamReadConstraints} (size limits on
 * untrusted JSON), added in Jackson {@value #MINIMUM}; a host that pins an older Jackson (Spring
 * Boot 3.0 manages 2.14) would otherwise get a bare {@code NoClassDefFoundError} deep inside the
 * experiment store. With this check the first use fails with a message naming the version found
 * and the version needed.
 *
 * <p>Stateless and thread-safe.
 */
public final class JacksonSupport {
  /** Oldest Jackson release mlops-core runs with: {@value}. */
  public static final String MINIMUM = "2.15.0";

  private static final int MIN_MAJOR = 2;
  private static final int MIN_MINOR = 15;

  private JacksonSupport() {}

  /**
   * Fails unless jackson-core and jackson-databind are both at least {@link #MINIMUM}.
   *
   * @throws MlopsException naming the found and needed versions
   */
  public static void require() {
    check("jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
    check("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
  }

  /**
   * Runs {@link #require()}, then builds {@code value}: for static Jackson objects whose
   * construction already needs {@link #MINIMUM}.
   *
   * @throws MlopsException naming the found and needed versions
   */
  public static <T> T checked(Supplier<T> value) {
    require();
    return value.get();
  }

  /**
   * Fails if {@code version} (as Jackson prints it, e.g. {@code "2.14.2"}) is older than
   * {@link #MINIMUM}.
   *
   * @throws MlopsException naming the artifact and the found and needed versions
   */
  static void check(String artifact, String version) {
    String[] parts = version.split("[.-]");
    int major = parts.length > 0 ? number(parts[0]) : 0;
    int minor = parts.length > 1 ? number(parts[1]) : 0;
    if (major < MIN_MAJOR || (major == MIN_MAJOR && minor < MIN_MINOR)) {
      throw new MlopsException("mlops-core needs Jackson " + MINIMUM + " or newer, but " + artifact
          + " " + version + " is on the class path; upgrade Jackson (with Spring Boot 3.0 set the"
          + " property jackson-bom.version to " + MINIMUM + " or newer)");
    }
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
