package dev.mlops.core.drift.streaming;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.SnapshotException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a detector configuration from {@code key=value} text, as {@code ./mlops stream-drift
 * --set} gives it and as a snapshot's {@code config} object stores it. Missing keys take the
 * default; unknown keys and unparsable values are rejected naming the key. Not thread-safe;
 * one instance per parse.
 */
final class Settings {
  private final String type;
  private final Map<String, String> values;
  private final Map<String, String> known = new LinkedHashMap<>();

  private Settings(String type, Map<String, String> values) {
    this.type = type;
    this.values = values;
  }

  static Settings of(String type, Map<String, String> values) {
    return new Settings(type, Map.copyOf(Objects.requireNonNull(values, "values")));
  }

  double number(String key, double defaultValue) {
    String text = take(key, Double.toString(defaultValue));
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw bad(key, text, "a number");
    }
  }

  int integer(String key, int defaultValue) {
    long v = longInteger(key, defaultValue);
    if (v != (int) v) {
      throw bad(key, String.valueOf(v), "an integer below 2^31");
    }
    return (int) v;
  }

  long longInteger(String key, long defaultValue) {
    String text = take(key, Long.toString(defaultValue));
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw bad(key, text, "an integer");
    }
  }

  boolean flag(String key, boolean defaultValue) {
    String text = take(key, Boolean.toString(defaultValue)).trim().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw bad(key, text, "true or false");
    }
    return text.equals("true");
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
    String text = take(key, defaultValue.name().toLowerCase(Locale.ROOT));
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    TreeSet<String> names = new TreeSet<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw bad(key, text, "one of " + names);
  }

  /**
   * Checks that every given key was read.
   *
   * @throws IllegalArgumentException naming the first unknown key and the known ones
   */
  void finish() {
    for (String key : new TreeSet<>(values.keySet())) {
      if (!known.containsKey(key)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: unknown setting '%s'; known settings: %s", type, key, known.keySet()));
      }
    }
  }

  private String take(String key, String defaultText) {
    known.put(key, defaultText);
    String v = values.get(key);
    return v == null ? defaultText : v;
  }

  private IllegalArgumentException bad(String key, String text, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: setting '%s' must be %s, was '%s'", type, key, expected, text));
  }

  /**
   * Opens a snapshot of {@code type} and parses its configuration.
   *
   * @throws SnapshotException for another type, a newer version, a broken document or a
   *     configuration this version rejects
   */
  static <C> Opened<C> open(DetectorSnapshot snapshot, String type, int version,
      Function<Map<String, String>, C> parse) {
    SnapshotDocument doc = SnapshotDocument.read(snapshot, type, version);
    try {
      return new Opened<>(doc, parse.apply(doc.configTexts()));
    } catch (IllegalArgumentException e) {
      throw new SnapshotException("config", e.getMessage(), e);
    }
  }

  /** A snapshot document with its parsed configuration. */
  record Opened<C>(SnapshotDocument doc, C config) {
    /**
     * Insists that the snapshot was taken with {@code expected}.
     *
     * @throws SnapshotException naming the first differing {@code config.<key>}
     */
    Opened<C> requireConfig(C expected, Map<String, String> expectedSettings,
        Map<String, String> actualSettings) {
      if (!expected.equals(config)) {
        for (Map.Entry<String, String> e : expectedSettings.entrySet()) {
          String actual = actualSettings.get(e.getKey());
          if (!e.getValue().equals(actual)) {
            throw new SnapshotException(SnapshotDocument.CONFIG + "." + e.getKey(), e.getValue(),
                String.valueOf(actual));
          }
        }
        throw new SnapshotException(SnapshotDocument.CONFIG, expected.toString(),
            config.toString());
      }
      return this;
    }
  }
}
