package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.scoping.KeyMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CbpeTest {

  /** A model whose reported probability is the true one cubed-rooted: overconfident upwards. */
  static double reported(double truth) {
    return Math.cbrt(truth);
  }

  static CbpeCalibration miscalibratedReference(Random random) {
    int n = 6000;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double truth = random.nextDouble();
      p[i] = reported(truth);
      y[i] = random.nextDouble() < truth;
    }
    return CbpeCalibration.fit(p, y);
  }

  private static Map<String, Double> probabilities(double yes) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("no", 1 - yes);
    m.put("yes", yes);
    return m;
  }

  /**
   * 100 windows of 500 predictions; from window 50 on the inputs shift so the positive rate and
   * the model's confidence change. The estimate must cover the realized accuracy in >= 95 % of
   * windows, for a calibrated model and for a miscalibrated one recalibrated on the reference.
   */
  @Test
  void estimateLiesWithinItsBandOfTheRealizedAccuracyInAtLeast95PercentOfWindows() {
    for (boolean calibrated : new boolean[] {true, false}) {
      Random random = new Random(calibrated ? 11 : 12);
      CbpeCalibration calibration;
      if (calibrated) {
        int n = 6000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
          p[i] = random.nextDouble();
          y[i] = random.nextDouble() < p[i];
        }
        calibration = CbpeCalibration.fit(p, y);
        assertThat(calibration.kind()).isEqualTo(CbpeCalibration.Kind.IDENTITY);
      } else {
        calibration = miscalibratedReference(random);
        assertThat(calibration.kind()).isEqualTo(CbpeCalibration.Kind.ISOTONIC);
        assertThat(calibration.isotonicError()).isLessThan(calibration.identityError());
      }
      int covered = 0;
      int windows = 100;
      for (int w = 0; w < windows; w++) {
        CbpeWindow window = CbpeWindow.create(calibration, "yes");
        PerformanceTally realized = new PerformanceTally(Optional.of("yes"));
        for (int i = 0; i < 500; i++) {
          double truth = w < 50 ? random.nextDouble() : 0.4 + 0.6 * Math.pow(random.nextDouble(), 3);
          double shown = calibrated ? truth : reported(truth);
          String predicted = shown >= 0.5 ? "yes" : "no";
          String actual = random.nextDouble() < truth ? "yes" : "no";
          window.add(probabilities(shown), Optional.of(predicted));
          realized.add(new JoinedPrediction("r" + i, java.time.Instant.EPOCH, "1", Optional.of(predicted),
              java.util.OptionalDouble.of(shown), probabilities(shown), Optional.of(actual), Optional.empty()));
        }
        CbpeWindow.Estimate accuracy = window.estimate().get(KeyMetrics.ACCURACY);
        double real = realized.metrics().get(KeyMetrics.ACCURACY);
        if (real >= accuracy.lower() && real <= accuracy.upper()) {
          covered++;
        }
      }
      assertThat(covered).as("windows covered, calibrated=" + calibrated).isGreaterThanOrEqualTo(95);
    }
  }

  @Test
  void expectedConfusionCellsGiveTheMetrics() {
    CbpeWindow w = CbpeWindow.create(CbpeCalibration.identity(), "yes");
    w.add(probabilities(0.75), Optional.of("yes")); // TP .75, FP .25
    w.add(probabilities(0.5), Optional.of("yes"));  // TP .5, FP .5
    w.add(probabilities(0.25), Optional.of("no"));  // FN .25, TN .75
    w.add(probabilities(0.0), Optional.of("no"));   // TN 1
    Map<String, CbpeWindow.Estimate> e = w.estimate();
    // TP 1.25, FP .75, FN .25, TN 1.75
    assertThat(e.get(KeyMetrics.ACCURACY).value()).isCloseTo(3.0 / 4, within(1e-9));
    assertThat(e.get(KeyMetrics.PRECISION).value()).isCloseTo(1.25 / 2, within(1e-9));
    assertThat(e.get(KeyMetrics.RECALL).value()).isCloseTo(1.25 / 1.5, within(1e-9));
    assertThat(e.get(KeyMetrics.F1).value()).isCloseTo(2.5 / (2.5 + 0.75 + 0.25), within(1e-9));
    // variance of the correct count: .75*.25 + .5*.5 + .25*.75 + 0 = .625
    assertThat(e.get(KeyMetrics.ACCURACY).upper()).isCloseTo(Math.min(1, 0.75 + 3 * Math.sqrt(0.625) / 4), within(1e-9));
    assertThat(e.get(KeyMetrics.ACCURACY).lower()).isCloseTo(0.75 - 3 * Math.sqrt(0.625) / 4, within(1e-9));
    assertThat(e).containsKey(KeyMetrics.ROC_AUC);
  }

  @Test
  void badProbabilityVectorsAreExcludedWithTheirReason() {
    CbpeWindow w = CbpeWindow.create(CbpeCalibration.identity(), "yes");
    Map<String, Double> nan = new LinkedHashMap<>();
    nan.put("no", Double.NaN);
    nan.put("yes", 0.5);
    assertThat(w.add(nan, Optional.of("yes"))).contains("a probability is NaN");
    assertThat(w.add(Map.of("no", 0.5, "yes", 0.6), Optional.of("yes"))).contains("probabilities do not sum to 1");
    assertThat(w.add(Map.of("no", 0.4, "yes", 0.6 + 5e-7), Optional.of("yes"))).isEmpty();
    assertThat(w.add(Map.of(), Optional.of("yes"))).contains("no probabilities");
    assertThat(w.count()).isEqualTo(1);
    assertThat(w.excluded()).containsOnly(Map.entry("a probability is NaN", 1L),
        Map.entry("probabilities do not sum to 1", 1L), Map.entry("no probabilities", 1L));
  }

  @Test
  void isotonicCalibrationIsMonotoneAndTheFitChecksItsInput() {
    CbpeCalibration c = miscalibratedReference(new Random(5));
    double last = -1;
    for (int i = 0; i <= 100; i++) {
      double v = c.apply(i / 100.0);
      assertThat(v).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(last);
      last = v;
    }
    // cbrt(t) = 0.5 means t = 0.125
    assertThat(c.apply(0.5)).isCloseTo(0.125, within(0.05));
    assertThatThrownBy(() -> CbpeCalibration.fit(new double[] {0.1, 1.5}, new boolean[] {true, false}))
        .hasMessage("reference row 2 has probability 1.5, not in [0, 1]");
    assertThatThrownBy(() -> CbpeCalibration.fit(new double[] {0.1}, new boolean[] {true, false}))
        .hasMessage("probabilities has 1 rows, labels 2");
  }

  @Test
  void eceMatchesItsDefinition() {
    // bins [0.1,0.2): p .1 .1 y 0 1 -> |0.2-1|/4; [0.9,1]: p .9 .9 y 1 1 -> |1.8-2|/4
    double e = CbpeCalibration.ece(new double[] {0.1, 0.1, 0.9, 0.9}, new boolean[] {false, true, true, true});
    assertThat(e).isCloseTo(0.8 / 4 + 0.2 / 4, within(1e-12));
  }
}
