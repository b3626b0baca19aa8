package dev.mlops.core.evaluation;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.model.Trainer;
import dev.mlops.data.Dataset;
import dev.mlops.model.Model;
import java.util.Arrays;
import java.util.Random;

/**
 * Checks from the lifecycle notes that catch code and data bugs before any tuning. Stateless and
 * thread-safe.
 */
public final class SanityChecks {

  /** Default rows of the small sample: {@value}. */
  public static final int DEFAULT_SAMPLE_SIZE = 20;
  /** Training accuracy the overfit check requires: {@value} ("reaches ~1.0"). */
  public static final double OVERFIT_ACCURACY = 0.99;

  private SanityChecks() {}

  /**
   * The outcome of {@link #overfitSmallSample}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param sampleSize rows trained and scored on
   * @param trainingAccuracy accuracy on those same rows
   * @param required the accuracy needed to pass, {@value #OVERFIT_ACCURACY}
   * @param passed whether {@code trainingAccuracy >= required}
   * @param advice what a failure points at, empty when passed
   */
  public record OverfitResult(
      int sampleSize, double trainingAccuracy, double required, boolean passed, String advice) {}

  /**
   * "Try to overfit a small training sample": trains on {@code sampleSize} rows drawn with
   * {@code seed} and scores the model on the same rows. A model that cannot memorise a handful
   * of rows has a bug in its code or data (labels shuffled against features, a feature that is
   * constant after preprocessing, a learning rate that diverges); use little regularisation
   * ({@code l2(0)}) and enough epochs for this check.
   *
   * @throws IllegalArgumentException if {@code sampleSize} is below 2 or above the row count
   */
  public static OverfitResult overfitSmallSample(
      Trainer trainer, Dataset data, String label, FeaturePipeline pipeline, int sampleSize,
      long seed) {
    if (sampleSize < 2 || sampleSize > data.rowCount()) {
      throw new IllegalArgumentException("sampleSize must be in [2, " + data.rowCount()
          + "], was " + sampleSize);
    }
    int[] all = new int[data.rowCount()];
    Arrays.setAll(all, i -> i);
    Random random = new Random(seed);
    for (int i = all.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    Dataset sample = data.selectRows(Arrays.copyOf(all, sampleSize));
    double accuracy;
    try (Model model = trainer.fit(sample, label, pipeline)) {
      accuracy = ModelEvaluation.classification(model, sample, label).accuracy();
    }
    boolean passed = accuracy >= OVERFIT_ACCURACY;
    return new OverfitResult(sampleSize, accuracy, OVERFIT_ACCURACY, passed, passed ? ""
        : "the model cannot fit " + sampleSize + " training rows (accuracy " + accuracy
            + "): check that labels line up with features, that the pipeline keeps informative "
            + "columns, and that regularisation and learning rate allow memorising");
  }
}
