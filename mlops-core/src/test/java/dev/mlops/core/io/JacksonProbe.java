package dev.mlops.core.io;

import dev.mlops.core.experiments.FileTracker;
import java.nio.file.Path;

/** Opens a {@link FileTracker} in a child JVM and prints how it failed, for JacksonSupportTest. */
public final class JacksonProbe {
  private JacksonProbe() {}

  /** {@code args[0]}: the store folder. */
  public static void main(String[] args) {
    try (FileTracker tracker = FileTracker.open(Path.of(args[0]))) {
      System.out.println("opened " + tracker.root());
    } catch (Throwable t) {
      System.out.println("failed: " + t);
    }
  }
}
