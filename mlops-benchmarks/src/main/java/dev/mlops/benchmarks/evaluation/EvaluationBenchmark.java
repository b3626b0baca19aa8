package dev.mlops.benchmarks.evaluation;

import dev.mlops.benchmarks.PeerData;
import dev.mlops.benchmarks.PeerDataWriter;
import dev.mlops.core.evaluation.Evaluation;
import dev.mlops.core.evaluation.EvaluationData;
import dev.mlops.core.evaluation.Slice;
import dev.mlops.core.evaluation.SliceEvaluator;
import dev.mlops.core.evaluation.SliceMetric;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.SliceConfig;
import dev.mlops.evaluation.SliceReport;
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
 * The full binary classification report (confusion matrix, per-class and averaged metrics,
 * ROC-AUC, average precision, log loss, Brier score, calibration) on {@code rows} scored
 * examples, and a 4-slice evaluation with 100 bootstrap resamples (1000, the default, scales
 * linearly). The rows are {@link PeerData#scoredExamples}; the peer is scikit-learn on the same
 * rows ({@code scripts/peers.py}, from {@link PeerDataWriter}'s files). Run: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar EvaluationBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EvaluationBenchmark {

  @Param({"1000000"})
  int rows;

  private EvaluationData data;

  @Setup(Level.Trial)
  public void generate() {
    boolean[] positive = new boolean[rows];
    double[] scores = new double[rows];
    double[] feature = new double[rows];
    PeerData.scoredExamples(positive, scores, feature);
    List<String> actual = new ArrayList<>(rows);
    List<String> predicted = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      actual.add(positive[i] ? "pos" : "neg");
      predicted.add(scores[i] >= 0.5 ? "pos" : "neg");
    }
    data = EvaluationData.builder().actual(actual).predicted(predicted).scores(scores, "pos")
        .features(Dataset.of(NumericColumn.of("x", feature))).build();
    // scripts/peers.py prints scikit-learn's ROC-AUC on the same rows, to compare
    System.out.printf(Locale.ROOT, "%n# mlops roc_auc=%s%n", classificationReport().rocAuc().value());
  }

  @Benchmark
  public ClassificationReport classificationReport() {
    return Evaluation.classification(data);
  }

  @Benchmark
  public SliceReport quartileSlicesWithBootstrap() {
    return SliceEvaluator.evaluate(data, SliceMetric.accuracy(),
        Slice.quantileBins(data, "x", 4), SliceConfig.builder().bootstrapResamples(100).build());
  }
}
