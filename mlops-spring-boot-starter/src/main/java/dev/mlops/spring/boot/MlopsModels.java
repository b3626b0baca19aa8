package dev.mlops.spring.boot;

import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.model.Model;
import dev.mlops.monitoring.AlertRaised;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The application's models by key: those declared under {@code mlops.models.*} (built by the
 * auto-configuration) or, when the application defines its own bean of this type, whatever it
 * adds. A model is either served (a {@link Model}, usually a {@link ModelMonitor} around it) or
 * failed to load, with the reason; the health indicator reports the latter as DOWN.
 *
 * <pre>{@code
 * @Bean MlopsModels mlopsModels() {
 *   return MlopsModels.builder().add("fraud", ModelMonitor.of(myModel)).build();
 * }
 * }</pre>
 *
 * <p>Immutable after {@link Builder#build()} and thread-safe; {@link #close()} closes every
 * served model (the Spring context calls it on shutdown).
 */
public final class MlopsModels implements AutoCloseable {
  private final Map<String, Model> served;
  private final Map<String, String> failures;
  private final Map<String, ActiveAlerts> alerts;

  private MlopsModels(Builder b) {
    this.served = Collections.unmodifiableMap(new LinkedHashMap<>(b.served));
    this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(b.failures));
    Map<String, ActiveAlerts> a = new LinkedHashMap<>();
    served.forEach((key, model) -> {
      if (model instanceof ModelMonitor m) {
        a.put(key, new ActiveAlerts(m));
      }
    });
    this.alerts = Collections.unmodifiableMap(a);
  }

  /** Returns a builder of an empty registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns every key, served and failed, in declaration order (served first). */
  public Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>(served.keySet());
    keys.addAll(failures.keySet());
    return Collections.unmodifiableSet(keys);
  }

  /** Returns the model served under a key; empty when there is none or it failed to load. */
  public Optional<Model> find(String key) {
    return Optional.ofNullable(served.get(key));
  }

  /**
   * Returns the model served under a key.
   *
   * @throws IllegalStateException naming the key and the reason when the model failed to load
   * @throws NoSuchElementException naming the key and the keys there are when there is none
   */
  public Model require(String key) {
    Model m = served.get(key);
    if (m != null) {
      return m;
    }
    String failure = failures.get(key);
    if (failure != null) {
      throw new IllegalStateException("model '" + key + "' failed to load: " + failure);
    }
    throw new NoSuchElementException("no model '" + key + "'; models: " + keys());
  }

  /** Returns the monitor of a key's model; empty when it is not monitored. */
  public Optional<ModelMonitor> monitor(String key) {
    return find(key).filter(ModelMonitor.class::isInstance).map(ModelMonitor.class::cast);
  }

  /** Returns why a key's model failed to load; empty when it loaded or is unknown. */
  public Optional<String> failure(String key) {
    return Optional.ofNullable(failures.get(key));
  }

  /**
   * Returns the active alerts of a key's monitor: the latest per rule and subject, until its rule
   * could have fired again ({@code coolDownWindows + forWindows} closed windows later) and did
   * not, so a persisting breach stays active. Alerts arrive on the monitor's event thread, so one
   * raised a moment ago may not show yet.
   */
  public List<AlertRaised> activeAlerts(String key) {
    ActiveAlerts a = alerts.get(key);
    return a == null ? List.of() : a.active();
  }

  /** Stops tracking alerts and closes every served model. Idempotent. */
  @Override
  public void close() {
    alerts.values().forEach(ActiveAlerts::stop);
    served.values().forEach(Model::close);
  }

  /** Builds a registry. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Model> served = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a served model.
     *
     * @throws IllegalArgumentException if the key is blank or already used
     */
    public Builder add(String key, Model model) {
      checkNew(key);
      served.put(key, Objects.requireNonNull(model, "model"));
      return this;
    }

    /**
     * Adds a model that failed to load.
     *
     * @throws IllegalArgumentException if the key is blank or already used
     */
    public Builder failed(String key, String reason) {
      checkNew(key);
      failures.put(key, Objects.requireNonNull(reason, "reason"));
      return this;
    }

    /** Returns the registry. */
    public MlopsModels build() {
      return new MlopsModels(this);
    }

    private void checkNew(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("key must not be blank");
      }
      if (served.containsKey(key) || failures.containsKey(key)) {
        throw new IllegalArgumentException("model '" + key + "' is added twice");
      }
    }
  }
}
