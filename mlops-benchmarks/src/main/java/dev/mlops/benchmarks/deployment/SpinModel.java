package dev.mlops.benchmarks.deployment;

import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.Map;

/** A classifier that burns CPU for a fixed time, then returns a constant prediction. Thread-safe. */
final class SpinModel implements Model {
  private final String version;
  private final long nanos;
  private final Prediction prediction;

  SpinModel(String version, long nanos) {
    this.version = version;
    this.nanos = nanos;
    this.prediction = Prediction.classification("yes", Map.of("yes", 0.9, "no", 0.1), version, Duration.ofNanos(nanos));
  }

  @Override
  public String name() {
    return "spin";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Prediction predict(Record record) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    return prediction;
  }

  @Override
  public void close() {}
}
