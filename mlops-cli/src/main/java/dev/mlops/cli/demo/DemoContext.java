package dev.mlops.cli.demo;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * State shared by the steps of one demo run: where to print and write, the seed, the bundled
 * dataset once loaded, typed results handed from one step to the next, the dashboard the steps
 * fill and the demo's fixed clock. Not thread-safe; the demo runs its steps on one thread.
 */
final class DemoContext implements AutoCloseable {
  private final PrintWriter out;
  private final Path outputDir;
  private final long seed;
  private final Map<Key<?>, Object> values = new java.util.LinkedHashMap<>();
  private final Dashboard dashboard;

  /**
   * The demo's clock: fixed, so that every timestamp in the files it writes is the same on every
   * run with the same seed.
   */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Sorted keys and pretty printing, so that JSON outputs compare byte for byte. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  /** A typed key for a value passed between steps. */
  record Key<T>(String name, Class<T> type) {}

  /** The bundled dataset, put by the first step. */
  static final Key<Dataset> DATASET = new Key<>("dataset", Dataset.class);

  DemoContext(PrintWriter out, Path outputDir, long seed) {
    this.out = out;
    this.outputDir = outputDir;
    this.seed = seed;
    this.dashboard = new Dashboard("mlops-java lifecycle dashboard",
        "Breast Cancer Wisconsin (Diagnostic), UCI, CC BY 4.0 · ./mlops demo --seed " + seed);
  }

  Dashboard dashboard() {
    return dashboard;
  }

  Clock clock() {
    return CLOCK;
  }

  /**
   * Returns a folder under the output folder with nothing in it, deleting what an earlier demo run
   * left there.
   */
  Path emptyDirectory(String name) throws IOException {
    Path dir = outputDir.resolve(name);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  /**
   * Writes a value as JSON (sorted keys, stable order) under the output folder, atomically.
   *
   * @return the file written
   */
  Path writeJson(String name, Object value) throws IOException {
    Path file = outputDir.resolve(name);
    AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
    return file;
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
