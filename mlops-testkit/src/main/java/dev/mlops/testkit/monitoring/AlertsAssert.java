package dev.mlops.testkit.monitoring;

import dev.mlops.events.MlopsEvent;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.testkit.events.RecordingConsumer;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the alerts a monitor published to a {@link RecordingConsumer}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThatAlerts(RecordingConsumer)}:
 *
 * <pre>{@code
 * RecordingConsumer<MlopsEvent> events = new RecordingConsumer<>();
 * monitor.events().onEvent(events);
 * ...
 * assertThatAlerts(events).raised("feature-drift").on("x1").withinRows(500).of(scenario.truth().changeIndex());
 * assertThatAlerts(controlEvents).noneRaised();
 * }</pre>
 *
 * <p>Reads the alerts recorded when the assertion starts. Not thread-safe.
 */
public final class AlertsAssert extends AbstractAssert<AlertsAssert, List<AlertRaised>> {

  /** Creates assertions on the alerts among {@code events}. */
  public AlertsAssert(RecordingConsumer<? extends MlopsEvent> events) {
    super(events.events().stream().filter(AlertRaised.class::isInstance).map(AlertRaised.class::cast).toList(),
        AlertsAssert.class);
  }

  /** Verifies that no alert was raised. */
  public AlertsAssert noneRaised() {
    if (!actual.isEmpty()) {
      failWithMessage("Expected no alert but %d were raised, the first: %s", actual.size(), actual.get(0).reason());
    }
    return this;
  }

  /** Verifies that rule {@code rule} fired at least once and starts assertions on its first alert. */
  public AlertAssert raised(String rule) {
    Optional<AlertRaised> first = actual.stream().filter(a -> a.rule().equals(rule)).findFirst();
    if (first.isEmpty()) {
      failWithMessage("Expected rule '%s' to raise an alert but the alerts were %s", rule,
          actual.stream().map(a -> a.rule() + a.subject().map(s -> "(" + s + ")").orElse("")).toList());
    }
    return new AlertAssert(first.orElseThrow(), actual);
  }

  /** AssertJ assertions on one raised alert. Not thread-safe. */
  public static final class AlertAssert extends AbstractAssert<AlertAssert, AlertRaised> {
    private final List<AlertRaised> all;

    AlertAssert(AlertRaised actual, List<AlertRaised> all) {
      super(actual, AlertAssert.class);
      this.all = all;
    }

    /** Narrows to the first alert of the same rule about {@code subject} (a feature or class). */
    public AlertAssert on(String subject) {
      Optional<AlertRaised> match = all.stream()
          .filter(a -> a.rule().equals(actual.rule()) && a.subject().equals(Optional.of(subject))).findFirst();
      if (match.isEmpty()) {
        failWithMessage("Expected rule '%s' to alert on '%s' but it alerted on %s", actual.rule(), subject,
            all.stream().filter(a -> a.rule().equals(actual.rule())).map(AlertRaised::subject).toList());
      }
      return new AlertAssert(match.orElseThrow(), all);
    }

    /** Starts a check that the alert fired within {@code rows} predictions of a change. */
    public Delay withinRows(long rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("rows must be >= 0, was " + rows);
      }
      return new Delay(rows);
    }

    /** The second half of {@link #withinRows(long)}. Not thread-safe. */
    public final class Delay {
      private final long rows;

      private Delay(long rows) {
        this.rows = rows;
      }

      /**
       * Verifies that the alert fired at a row in {@code [changeRow, changeRow + rows]}: not
       * before the change (a false alarm) and not later than the delay.
       */
      public AlertAssert of(long changeRow) {
        long row = actual.row();
        if (row < changeRow || row > changeRow + rows) {
          failWithMessage("Expected rule '%s' to alert within %d rows of row %d but it alerted at row %d (%s)",
              actual.rule(), rows, changeRow, row, actual.reason());
        }
        return AlertAssert.this;
      }
    }
  }
}
