package dev.mlops.benchmarks.monitoring;

import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.core.monitoring.ReferenceProfiles;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.micrometer.MonitorMeterBinder;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.time.MlopsClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost a {@link ModelMonitor} adds to one prediction, side by side with the unmonitored
 * model in the same run: 20 numeric features, each checked against a range, binned against a
 * 10-bin reference profile and fed to its own streaming detector (a one-sided CUSUM written
 * here, allocation-free like the project's detectors), windows of 1000 predictions. The model
 * is a dot product returning one of two prepared predictions, so its own cost is a few
 * nanoseconds and the difference between the modes is the monitor. {@code micrometer} also
 * binds a {@link MonitorMeterBinder} to a registry (meters read the monitor at scrape time, so
 * this should cost nothing more).
 *
 * <p>Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar MonitorOverheadBenchmark -f 1
 * -wi 2 -i 3 -w 1 -r 1 -prof gc} (the gc profiler gives bytes allocated per prediction).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MonitorOverheadBenchmark {
  private static final int FEATURES = 20;
  private static final int RECORDS = 1024;

  @Param({"plain", "monitored", "micrometer"})
  String mode;

  private Model model;
  private Record[] records;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(7);
    List<String> names = new ArrayList<>();
    DatasetSpec.Builder spec = DatasetSpec.builder();
    List<NumericColumn> columns = new ArrayList<>();
    for (int f = 0; f < FEATURES; f++) {
      String name = "f" + f;
      names.add(name);
      spec.feature(FeatureSpec.builder(name, FeatureType.NUMERIC)
          .range(NumericRange.closed(-6, 6)).build());
      double[] ref = new double[5000];
      for (int i = 0; i < ref.length; i++) {
        ref[i] = r.nextGaussian();
      }
      columns.add(NumericColumn.of(name, ref));
    }
    records = new Record[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (String name : names) {
        values.put(name, r.nextGaussian());
      }
      records[i] = Record.of(values);
    }
    Model plain = new DotModel(names, spec.build());
    if (mode.equals("plain")) {
      model = plain;
      return;
    }
    ModelMonitor monitor = ModelMonitor.of(plain, MonitorConfig.builder()
        .window(WindowPolicy.ofCount(1000))
        .reference(ReferenceProfiles.of(Dataset.of("reference", columns)))
        .detectors(f -> Optional.of(new Cusum(0.5, 8)))
        .build(), MlopsClock.system());
    if (mode.equals("micrometer")) {
      MonitorMeterBinder.of(monitor).bindTo(new SimpleMeterRegistry());
    }
    model = monitor;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  @Benchmark
  public Prediction predict() {
    Record record = records[next];
    next = (next + 1) & (RECORDS - 1);
    return model.predict(record);
  }

  /** A dot product with fixed weights; returns one of two prepared predictions. */
  static final class DotModel implements Model {
    private final String[] features;
    private final DatasetSpec spec;
    private final Prediction pos = Prediction.classification("pos",
        Map.of("pos", 0.7, "neg", 0.3), "v1", Duration.ZERO);
    private final Prediction neg = Prediction.classification("neg",
        Map.of("pos", 0.3, "neg", 0.7), "v1", Duration.ZERO);

    DotModel(List<String> features, DatasetSpec spec) {
      this.features = features.toArray(new String[0]);
      this.spec = spec;
    }

    @Override
    public String name() {
      return "dot";
    }

    @Override
    public String version() {
      return "v1";
    }

    @Override
    public ModelDescriptor describe() {
      return ModelDescriptor.classification("dot", "v1", List.of("neg", "pos")).withInputSpec(spec);
    }

    @Override
    public Prediction predict(Record record) {
      double s = 0;
      for (int i = 0; i < features.length; i++) {
        s += (i % 2 == 0 ? 1 : -1) * record.getDouble(features[i]);
      }
      return s > 0 ? pos : neg;
    }

    @Override
    public void close() {}
  }

  /** A one-sided CUSUM on the mean: drift when the sum of {@code x - slack} exceeds the limit. */
  static final class Cusum implements StreamingDriftDetector {
    private final double slack;
    private final double limit;
    private double sum;
    private long count;
    private DriftState state = DriftState.NONE;

    Cusum(double slack, double limit) {
      this.slack = slack;
      this.limit = limit;
    }

    @Override
    public String name() {
      return "cusum";
    }

    @Override
    public DriftState add(double value) {
      count++;
      sum = Math.max(0, sum + value - slack);
      state = sum > limit ? DriftState.DRIFT : DriftState.NONE;
      if (state == DriftState.DRIFT) {
        sum = 0;
      }
      return state;
    }

    @Override
    public DriftSignal lastSignal() {
      return DriftSignal.none(Math.max(0, count - 1), sum, limit);
    }

    @Override
    public DriftState state() {
      return state;
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public void reset() {
      sum = 0;
      count = 0;
      state = DriftState.NONE;
    }

    @Override
    public DetectorSnapshot snapshot() {
      return new DetectorSnapshot("cusum", 1, "{\"type\":\"cusum\",\"formatVersion\":1}");
    }
  }
}
