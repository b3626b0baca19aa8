package dev.mlops.onnx;

import static dev.mlops.core.features.FeatureStep.binarize;
import static dev.mlops.core.features.FeatureStep.bucketize;
import static dev.mlops.core.features.FeatureStep.clip;
import static dev.mlops.core.features.FeatureStep.impute;
import static dev.mlops.core.features.FeatureStep.imputeConstant;
import static dev.mlops.core.features.FeatureStep.log1p;
import static dev.mlops.core.features.FeatureStep.oneHot;
import static dev.mlops.core.features.FeatureStep.ordinal;
import static dev.mlops.core.features.FeatureStep.quantileBuckets;
import static dev.mlops.core.features.FeatureStep.scale;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.core.features.FeatureStep;
import dev.mlops.core.features.ImputeStrategy;
import dev.mlops.core.features.ScaleKind;
import dev.mlops.core.features.UnknownPolicy;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random training data, every step type gives the same features in ONNX Runtime as in Java
 * on every training row and on fresh requests with missing values and unseen categories.
 */
class FeaturePipelineOnnxProperties {
  private static final int EXAMPLES = 12;

  /** Numeric step chains; each starts with an imputer so random NaNs are allowed. */
  private static final List<List<FeatureStep>> NUMERIC = List.of(
      List.of(impute(ImputeStrategy.MEAN)),
      List.of(impute(ImputeStrategy.MEDIAN), scale(ScaleKind.STANDARD)),
      List.of(impute(ImputeStrategy.MOST_FREQUENT), scale(ScaleKind.MIN_MAX)),
      List.of(imputeConstant("-2.5"), scale(ScaleKind.ROBUST)),
      List.of(impute(ImputeStrategy.MEDIAN), quantileBuckets(5)),
      List.of(impute(ImputeStrategy.MEAN), bucketize(-1, 0, 1.5)),
      List.of(impute(ImputeStrategy.MEDIAN), clip(-0.9, 1), log1p()),
      List.of(impute(ImputeStrategy.MEAN), binarize(0.25)),
      List.of(impute(ImputeStrategy.MEDIAN), clip(-2, 2), scale(ScaleKind.STANDARD),
          quantileBuckets(3)));

  private static final List<List<FeatureStep>> CATEGORICAL = List.of(
      List.of(impute(ImputeStrategy.MOST_FREQUENT), oneHot(UnknownPolicy.IGNORE)),
      List.of(imputeConstant("missing"), oneHot(UnknownPolicy.EXTRA_COLUMN)),
      List.of(impute(ImputeStrategy.MOST_FREQUENT), ordinal(UnknownPolicy.IGNORE)),
      List.of(imputeConstant("missing"), ordinal(UnknownPolicy.EXTRA_COLUMN)));

  @Test
  void numericStepsAgreeWithOnnxRuntime() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(seed -> {
          Random r = new Random(seed);
          Dataset data = Dataset.of(NumericColumn.of("x", values(r, 40)));
          List<Record> rows = new ArrayList<>(data.rows());
          for (double v : values(r, 10)) {
            rows.add(Record.of(single("x", v)));
          }
          for (List<FeatureStep> chain : NUMERIC) {
            FeaturePipeline p = FeaturePipeline.builder()
                .column("x", chain.toArray(FeatureStep[]::new)).build();
            PipelineFeatures.assertAgree(p.fit(data), rows);
          }
        });
  }

  @Test
  void categoricalStepsAgreeWithOnnxRuntime() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(seed -> {
          Random r = new Random(seed);
          Dataset data = Dataset.of(CategoricalColumn.of("c", categories(r, 40, 4)));
          List<Record> rows = new ArrayList<>(data.rows());
          // Six categories at request time: two of them never seen at fit time.
          for (String v : categories(r, 10, 6)) {
            rows.add(Record.of(single("c", v)));
          }
          for (List<FeatureStep> chain : CATEGORICAL) {
            FeaturePipeline p = FeaturePipeline.builder()
                .column("c", chain.toArray(FeatureStep[]::new)).build();
            PipelineFeatures.assertAgree(p.fit(data), rows);
          }
        });
  }

  /** Values on mixed scales with about 15 % missing; at least two distinct present values. */
  private static double[] values(Random r, int n) {
    double scale = Math.pow(10, r.nextInt(5) - 2);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble() < 0.15 ? Double.NaN : (r.nextGaussian() * 2 + 0.5) * scale;
    }
    v[0] = -scale;
    v[1] = 3 * scale;
    return v;
  }

  private static List<String> categories(Random r, int n, int kinds) {
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble() < 0.15 ? null : "k" + r.nextInt(kinds);
    }
    v[0] = "k0";
    return Arrays.asList(v);
  }

  private static Map<String, Object> single(String name, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(name, value);
    return m;
  }
}
