package dev.mlops.core.features;

import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureTransformException;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Fits one column's steps on training data. Stateless. */
final class ColumnFitter {
  private ColumnFitter() {}

  static FittedColumn fit(Dataset data, String column, List<FeatureStep> steps) {
    Column c = data.find(column).orElseThrow(() -> new FeatureTransformException(column,
        FittedColumn.INPUT_STEP, "the training data has no such column; columns: "
            + data.columnNames()));
    boolean encoded = !steps.isEmpty() && steps.get(steps.size() - 1).categorical();
    return encoded ? categorical(c, steps) : numeric(c, steps);
  }

  private static FittedColumn numeric(Column c, List<FeatureStep> steps) {
    String column = c.name();
    if (!(c instanceof NumericColumn n)) {
      throw new FeatureTransformException(column,
          steps.isEmpty() ? FittedColumn.INPUT_STEP : FeaturePipeline.label(0, steps.get(0)),
          "a numeric step needs a numeric column, was " + c.type()
              + " (declare an encoder for a categorical column)");
    }
    float[] values = new float[n.size()];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int missing = 0;
    for (int i = 0; i < values.length; i++) {
      double v = n.value(i);
      values[i] = (float) v;
      if (Double.isNaN(v)) {
        missing++;
      } else {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (missing == values.length) {
      throw new FeatureTransformException(column, FittedColumn.INPUT_STEP,
          "every training value is missing; nothing to fit on");
    }
    List<FittedOp> ops = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      FeatureStep step = steps.get(i);
      String label = FeaturePipeline.label(i, step);
      if (missing > 0 && !(step instanceof FeatureStep.Impute)) {
        throw missingWithoutImpute(column, label, missing);
      }
      FittedOp.Numeric op = numericOp(column, step, label, values);
      for (int r = 0; r < values.length; r++) {
        values[r] = op.apply(values[r], column);
      }
      missing = 0;
      ops.add(op);
    }
    if (missing > 0) {
      throw missingWithoutImpute(column, FittedColumn.INPUT_STEP, missing);
    }
    return new FittedColumn(column, n.type(), ops, min, max);
  }

  private static FeatureTransformException missingWithoutImpute(
      String column, String step, int missing) {
    return new FeatureTransformException(column, step,
        missing + " training values are missing and no impute step is declared");
  }

  private static FittedOp.Numeric numericOp(
      String column, FeatureStep step, String label, float[] values) {
    if (step instanceof FeatureStep.Impute imp) {
      return new FittedOp.Fill((float) fill(column, imp, label, values), label);
    }
    if (step instanceof FeatureStep.Scale s) {
      return scaler(s.kind(), label, present(values));
    }
    if (step instanceof FeatureStep.Bucketize b) {
      return buckets(column, b, label, present(values));
    }
    if (step instanceof FeatureStep.Log1p) {
      return new FittedOp.Log1p(label);
    }
    if (step instanceof FeatureStep.Clip cl) {
      return new FittedOp.Clip((float) cl.min(), (float) cl.max(), label);
    }
    if (step instanceof FeatureStep.Binarize bin) {
      return new FittedOp.Binarize((float) bin.threshold(), label);
    }
    throw new IllegalStateException("FeaturePipeline keeps encoders off numeric columns: " + step);
  }

  private static double fill(String column, FeatureStep.Impute imp, String label, float[] values) {
    double[] p = present(values);
    return switch (imp.strategy()) {
      case MEAN -> Arrays.stream(p).sum() / p.length;
      case MEDIAN -> Quantiles.of(p, 0.5);
      case MOST_FREQUENT -> mostFrequent(p);
      case CONSTANT -> {
        String text = imp.constant().orElseThrow();
        try {
          yield new BigDecimal(text.strip()).doubleValue();
        } catch (NumberFormatException e) {
          throw new FeatureTransformException(column, label,
              "a numeric column needs a numeric constant, was '" + text + "'");
        }
      }
    };
  }

  private static double mostFrequent(double[] p) {
    Map<Double, Integer> counts = new TreeMap<>();
    for (double v : p) {
      counts.merge(v, 1, Integer::sum);
    }
    double best = Double.NaN;
    int bestCount = 0;
    for (Map.Entry<Double, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static FittedOp.Affine scaler(ScaleKind kind, String label, double[] p) {
    double offset;
    double spread;
    switch (kind) {
      case STANDARD -> {
        double mean = Arrays.stream(p).sum() / p.length;
        double ss = 0;
        for (double v : p) {
          ss += (v - mean) * (v - mean);
        }
        offset = mean;
        spread = Math.sqrt(ss / p.length);
      }
      case MIN_MAX -> {
        offset = Arrays.stream(p).min().orElseThrow();
        spread = Arrays.stream(p).max().orElseThrow() - offset;
      }
      case ROBUST -> {
        offset = Quantiles.of(p, 0.5);
        spread = Quantiles.of(p, 0.75) - Quantiles.of(p, 0.25);
      }
      default -> throw new IllegalStateException("unknown scale " + kind);
    }
    // A constant column keeps its spread (scikit-learn's rule): divide by 1, not by zero.
    double scale = spread > 0 && Double.isFinite(spread) ? 1.0 / spread : 1.0;
    return new FittedOp.Affine((float) offset, (float) scale, label);
  }

  private static FittedOp.Buckets buckets(
      String column, FeatureStep.Bucketize b, String label, double[] p) {
    TreeSet<Float> bounds = new TreeSet<>();
    if (b.quantiles() == 0) {
      b.boundaries().forEach(x -> bounds.add(x.floatValue()));
    } else {
      for (int k = 1; k < b.quantiles(); k++) {
        bounds.add((float) Quantiles.of(p, k / (double) b.quantiles()));
      }
      // The lowest boundary at the minimum would put no training value below it.
      bounds.remove((float) Arrays.stream(p).min().orElseThrow());
      if (bounds.isEmpty()) {
        throw new FeatureTransformException(column, label,
            "quantile buckets need at least two distinct training values");
      }
    }
    return new FittedOp.Buckets(new ArrayList<>(bounds), label);
  }

  private static double[] present(float[] values) {
    double[] out = new double[values.length];
    int n = 0;
    for (float v : values) {
      if (!Float.isNaN(v)) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static FittedColumn categorical(Column c, List<FeatureStep> steps) {
    String column = c.name();
    FeatureStep encoderStep = steps.get(steps.size() - 1);
    String encoderLabel = FeaturePipeline.label(steps.size() - 1, encoderStep);
    if (c.type() != FeatureType.CATEGORICAL && c.type() != FeatureType.BOOLEAN
        && c.type() != FeatureType.TEXT && !c.type().isNumeric()) {
      throw new FeatureTransformException(column, encoderLabel,
          "an encoder needs categorical, boolean, text or integral values, was " + c.type());
    }
    List<String> values = new ArrayList<>(c.size());
    Map<String, Integer> counts = new TreeMap<>();
    for (int r = 0; r < c.size(); r++) {
      String v = FittedColumn.text(c.get(r));
      values.add(v);
      if (v != null) {
        if (v.isEmpty()) {
          throw new FeatureTransformException(column, encoderLabel,
              "row " + r + " has an empty category, which the exported model cannot tell from a "
                  + "missing value");
        }
        counts.merge(v, 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      throw new FeatureTransformException(column, FittedColumn.INPUT_STEP,
          "every training value is missing; nothing to fit on");
    }
    Optional<String> fill = Optional.empty();
    if (steps.size() == 2) {
      FeatureStep.Impute imp = (FeatureStep.Impute) steps.get(0);
      String label = FeaturePipeline.label(0, imp);
      fill = Optional.of(switch (imp.strategy()) {
        case MOST_FREQUENT -> mostFrequentCategory(counts);
        case CONSTANT -> imp.constant().orElseThrow();
        case MEAN, MEDIAN -> throw new FeatureTransformException(column, label,
            imp.describe() + " needs a numeric column; use MOST_FREQUENT or a constant");
      });
      if (fill.get().isEmpty()) {
        throw new FeatureTransformException(column, label, "the fill category must not be empty");
      }
    }
    long missing = values.stream().filter(v -> v == null).count();
    if (missing > 0 && fill.isEmpty()) {
      throw missingWithoutImpute(column, encoderLabel, (int) missing);
    }
    TreeSet<String> categories = new TreeSet<>(counts.keySet());
    fill.ifPresent(categories::add);
    boolean oneHot = encoderStep instanceof FeatureStep.OneHot;
    UnknownPolicy unknown = oneHot
        ? ((FeatureStep.OneHot) encoderStep).unknown()
        : ((FeatureStep.Ordinal) encoderStep).unknown();
    FittedOp.Encode encode =
        new FittedOp.Encode(new ArrayList<>(categories), fill, oneHot, unknown, encoderLabel);
    return new FittedColumn(column, FeatureType.CATEGORICAL, List.of(encode), Double.NaN,
        Double.NaN);
  }

  private static String mostFrequentCategory(Map<String, Integer> sortedCounts) {
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : sortedCounts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
