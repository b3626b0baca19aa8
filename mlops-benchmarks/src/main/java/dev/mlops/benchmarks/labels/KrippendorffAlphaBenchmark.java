package dev.mlops.benchmarks.labels;

import dev.mlops.benchmarks.PeerData;
import dev.mlops.core.labels.DefaultLabelConsistencyChecker;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.LabelConsistencyConfig;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Krippendorff's alpha on about 1M nominal ratings: 100k items x 10 annotators, 5 labels, 5% of
 * ratings missing (the performance target: under 1 s). Goes through the public entry point,
 * {@link DefaultLabelConsistencyChecker}, from long-form annotations: the full report with the
 * default 1000-resample bootstrap, and with a single resample, which leaves encoding, alpha, the
 * other statistics and the 45 pairwise kappas — an upper bound on alpha alone. The ratings are
 * {@link PeerData#ratings}; {@code scripts/peers.py} times numpy computing alpha from the same
 * ratings. Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar
 * KrippendorffAlphaBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class KrippendorffAlphaBenchmark {
  @Param({"100000"})
  int items;

  private List<Annotation> annotations;
  private DefaultLabelConsistencyChecker defaults;
  private DefaultLabelConsistencyChecker oneResample;

  @Setup(Level.Trial)
  public void generate() {
    byte[] ratings = PeerData.ratings(items);
    annotations = new ArrayList<>(ratings.length);
    for (int i = 0; i < items; i++) {
      for (int a = 0; a < PeerData.ANNOTATORS; a++) {
        byte label = ratings[i * PeerData.ANNOTATORS + a];
        if (label != PeerData.MISSING) {
          annotations.add(Annotation.of("item" + i, "annotator" + a, "label" + label));
        }
      }
    }
    defaults = DefaultLabelConsistencyChecker.create();
    oneResample = DefaultLabelConsistencyChecker.of(
        LabelConsistencyConfig.builder().bootstrapResamples(1).build());
    // scripts/peers.py prints numpy's alpha on the same ratings, to compare
    System.out.printf(Locale.ROOT, "%n# mlops alpha=%s%n",
        reportWithoutBootstrap().krippendorffAlpha().value());
  }

  @Benchmark
  public LabelConsistencyReport fullReport() {
    return defaults.check(annotations, MeasurementLevel.NOMINAL);
  }

  @Benchmark
  public LabelConsistencyReport reportWithoutBootstrap() {
    return oneResample.check(annotations, MeasurementLevel.NOMINAL);
  }
}
