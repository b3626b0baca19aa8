package dev.mlops.cli.demo;

import dev.mlops.data.Dataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * State shared by the steps of one demo run: where to print and write, the seed, the bundled
 * dataset once loaded, and typed results handed from one step to the next. Not thread-safe; the
 * demo runs its steps on one thread.
 */
final class DemoContext implements AutoCloseable {
  private final PrintWriter out;
  private final Path outputDir;
  private final long seed;
  private final Map<Key<?>, Object> values = new java.util.LinkedHashMap<>();

  /** A typed key for a value passed between steps. */
  record Key<T>(String name, Class<T> type) {}

  /** The bundled dataset, put by the first step. */
  static final Key<Dataset> DATASET = new Key<>("dataset", Dataset.class);

  DemoContext(PrintWriter out, Path outputDir, long seed) {
    this.out = out;
    this.outputDir = outputDir;
    this.seed = seed;
  }

  PrintWriter out() {
    return out;
  }

  Path outputDir() {
    return outputDir;
  }

  long seed() {
    return seed;
  }

  <T> void put(Key<T> key, T value) {
    values.put(key, Objects.requireNonNull(value, key.name()));
  }

  <T> T get(Key<T> key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalStateException("demo value '" + key.name() + "' was not produced by an earlier step");
    }
    return key.type().cast(v);
  }

  Dataset dataset() {
    return get(DATASET);
  }

  /** Closes the values steps left open (e.g. a served model), in reverse order of creation. */
  @Override
  public void close() {
    IllegalStateException failure = null;
    java.util.List<Object> open = new java.util.ArrayList<>(values.values());
    java.util.Collections.reverse(open);
    for (Object v : open) {
      if (v instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          if (failure == null) {
            failure = new IllegalStateException("closing demo values failed", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    values.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
