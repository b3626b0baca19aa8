package dev.mlops.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A record backed by an immutable, insertion-ordered copy of a map. */
final class MapRecord implements Record {
  private final Map<String, Object> values;
  private final List<String> names;

  private MapRecord(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
    this.names = List.copyOf(values.keySet());
  }

  static MapRecord copyOf(Map<String, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : source.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "feature name");
      Object v = e.getValue();
      if (v instanceof Number n) {
        v = n.doubleValue();
      } else if (v != null
          && !(v instanceof String)
          && !(v instanceof Boolean)
          && !(v instanceof Instant)) {
        throw new IllegalArgumentException(
            "feature '" + name + "' has unsupported value type " + v.getClass().getName()
                + "; expected Number, String, Boolean or Instant");
      }
      copy.put(name, v);
    }
    return new MapRecord(copy);
  }

  @Override
  public List<String> featureNames() {
    return names;
  }

  @Override
  public boolean has(String feature) {
    return values.containsKey(feature);
  }

  @Override
  public Object get(String feature) {
    if (!values.containsKey(feature)) {
      throw new IllegalArgumentException(
          "record has no feature '" + feature + "'; it has " + names);
    }
    return values.get(feature);
  }

  @Override
  public Map<String, Object> toMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapRecord other && new ArrayList<>(values.entrySet())
        .equals(new ArrayList<>(other.values.entrySet()));
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Record" + values;
  }
}
