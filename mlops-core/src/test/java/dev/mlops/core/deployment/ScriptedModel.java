package dev.mlops.core.deployment;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A classifier double: labels a record by a function, with probability {@code confidence} for the
 * label, optionally taking time on a {@link TestClock} and failing on some records.
 */
final class ScriptedModel implements Model {
  private final String version;
  private final Function<Record, String> labeler;
  private final double confidence;
  private final TestClock clock;
  private final Duration latency;
  private final Predicate<Record> fails;

  private ScriptedModel(String version, Function<Record, String> labeler, double confidence,
      TestClock clock, Duration latency, Predicate<Record> fails) {
    this.version = version;
    this.labeler = labeler;
    this.confidence = confidence;
    this.clock = clock;
    this.latency = latency;
    this.fails = fails;
  }

  /** Labels "yes" when feature x is positive, else "no". */
  static ScriptedModel sign(String version) {
    return new ScriptedModel(version, r -> r.getDouble("x") > 0 ? "yes" : "no", 0.95, null, Duration.ZERO, r -> false);
  }

  static ScriptedModel of(String version, Function<Record, String> labeler) {
    return new ScriptedModel(version, labeler, 0.95, null, Duration.ZERO, r -> false);
  }

  ScriptedModel taking(TestClock c, Duration d) {
    return new ScriptedModel(version, labeler, confidence, c, d, fails);
  }

  ScriptedModel failingWhen(Predicate<Record> p) {
    return new ScriptedModel(version, labeler, confidence, clock, latency, p);
  }

  ScriptedModel confidence(double c) {
    return new ScriptedModel(version, labeler, c, clock, latency, fails);
  }

  static Record x(double value) {
    return Record.of(Map.of("x", value));
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Prediction predict(Record record) {
    if (clock != null && !latency.isZero()) {
      clock.advance(latency);
    }
    if (fails.test(record)) {
      throw new ModelInferenceException(FailureKind.ENGINE, name(), null, null, null, "scripted failure", null);
    }
    String label = labeler.apply(record);
    String other = label.equals("yes") ? "no" : "yes";
    return Prediction.classification(label, Map.of(label, confidence, other, 1 - confidence), version, latency);
  }

  @Override
  public void close() {}
}
