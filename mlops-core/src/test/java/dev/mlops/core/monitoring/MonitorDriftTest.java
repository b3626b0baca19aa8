package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.events.MonitorEvent;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.ReferenceProfile;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.testkit.TestClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The acceptance checks of the issue on drift alerts: a sudden shift is flagged within one
 * window, a gradual one within the documented delay, and a stationary replay raises none.
 * Windows of 500 predictions, 10 quantile bins, PSI threshold 0.2, seeded data.
 */
class MonitorDriftTest {
  private static final int WINDOW = 500;
  private static final int WINDOWS = 20;

  private static ReferenceProfile reference(long seed) {
    Random r = new Random(seed);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = r.nextGaussian();
    }
    return ReferenceProfiles.of(Dataset.of(NumericColumn.of("x", values)));
  }

  /** Replays {@code WINDOWS} windows; the mean of row i is {@code shift(i)}. Returns alerts. */
  private static List<AlertRaised> replay(long seed, IntToDoubleFunction shift) {
    ModelMonitor monitor = ModelMonitor.of(new SignModel(), MonitorConfig.builder()
        .window(WindowPolicy.ofCount(WINDOW))
        .reference(reference(1))
        .rule(AlertRules.drift().coolDown(0))
        .build(), TestClock.create());
    List<MonitorEvent> events = Collections.synchronizedList(new ArrayList<>());
    monitor.events().onEvent(events::add);
    Random r = new Random(seed);
    for (int i = 0; i < WINDOW * WINDOWS; i++) {
      monitor.predict(Record.of(Map.of("x", r.nextGaussian() + shift.applyAsDouble(i))));
    }
    monitor.close();
    return events.stream().filter(AlertRaised.class::isInstance).map(AlertRaised.class::cast)
        .toList();
  }

  @Test
  void aStationaryReplayRaisesNoAlert() {
    int falseAlarms = 0;
    for (long seed = 10; seed < 15; seed++) {
      falseAlarms += replay(seed, i -> 0).size();
    }
    // 5 replays x 20 windows: 0 false alarms (expected PSI of a 500-row window ~ 9/500)
    assertThat(falseAlarms).isZero();
  }

  @Test
  void aSuddenShiftIsFlaggedInTheFirstWindowAfterIt() {
    List<AlertRaised> alerts = replay(20, i -> i >= 10 * WINDOW ? 1.0 : 0);
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.get(0).window()).isEqualTo(10);
    assertThat(alerts.get(0).row()).isEqualTo(11 * WINDOW - 1);
    assertThat(alerts.get(0).subject()).hasValue("x");
    assertThat(alerts).allSatisfy(a -> assertThat(a.window()).isGreaterThanOrEqualTo(10));
  }

  @Test
  void aGradualShiftIsFlaggedOnceTheMeanMovedAboutHalfASigma() {
    // from window 10 the mean grows by 0.1 sigma per window
    List<AlertRaised> alerts = replay(30, i -> i < 10 * WINDOW ? 0
        : 0.1 * (i - 10 * WINDOW) / WINDOW);
    assertThat(alerts).isNotEmpty();
    long first = alerts.get(0).window();
    // documented delay: PSI 0.2 is reached near a 0.45 sigma shift, i.e. 4 to 6 windows here
    assertThat(first).isBetween(13L, 16L);
  }
}
