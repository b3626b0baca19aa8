package dev.mlops.benchmarks.drift;

import dev.mlops.core.drift.streaming.StreamingDetectors;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.AbstractChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One streaming-detector update, ours ({@code add}, the allocation-free path, in MOA
 * compatibility mode so both sides compute the same thing) next to MOA 2024.07's
 * {@code input} in the same run, on the same stationary stream: N(0, 1) for ADWIN, Page-Hinkley
 * and CUSUM, Bernoulli(0.2) errors for DDM, EDDM and HDDM. The stream is a 1M-value array fed
 * cyclically, so ADWIN's window keeps growing (the costly case: more buckets to check) for both.
 * KSWIN has no MOA peer and is timed alone in {@link KswinBenchmark}.
 *
 * <p>Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar StreamingDetectorBenchmark
 * -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc}; the ratio ours/MOA per detector is the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StreamingDetectorBenchmark {
  private static final int LENGTH = 1 << 20;

  @Param({"adwin", "page-hinkley", "cusum", "ddm", "eddm", "hddm-a", "hddm-w"})
  String detector;

  private double[] values;
  private int next;
  private StreamingDriftDetector ours;
  private AbstractChangeDetector moa;

  @Setup(Level.Trial)
  public void setUp() {
    boolean errorRate = detector.startsWith("ddm") || detector.startsWith("eddm")
        || detector.startsWith("hddm");
    Random r = new Random(42);
    values = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      values[i] = errorRate ? (r.nextDouble() < 0.2 ? 1 : 0) : r.nextGaussian();
    }
    ours = StreamingDetectors.create(detector, Map.of("moa", "true"));
    moa = switch (detector) {
      case "adwin" -> new ADWINChangeDetector();
      case "page-hinkley" -> new PageHinkleyDM();
      case "cusum" -> new CusumDM();
      case "ddm" -> new DDM();
      case "eddm" -> new EDDM();
      case "hddm-a" -> new HDDM_A_Test();
      case "hddm-w" -> new HDDM_W_Test();
      default -> throw new IllegalArgumentException(detector);
    };
    moa.prepareForUse();
  }

  private double nextValue() {
    double v = values[next];
    next = (next + 1) & (LENGTH - 1);
    return v;
  }

  @Benchmark
  public DriftState mlops() {
    return ours.add(nextValue());
  }

  @Benchmark
  public boolean moa() {
    moa.input(nextValue());
    return moa.getChange();
  }
}
