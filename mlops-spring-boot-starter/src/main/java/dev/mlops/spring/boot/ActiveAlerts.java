package dev.mlops.spring.boot;

import dev.mlops.events.Subscription;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.WindowClosed;
import dev.mlops.core.monitoring.ModelMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one monitor that are still active: the latest alert per rule and subject, while
 * its window is one of the last {@code windows} windows the monitor closed. The monitor delivers
 * its events on its own thread; reads may come from any thread (all methods synchronize).
 */
final class ActiveAlerts {
  private final int windows;
  private final Map<String, AlertRaised> latest = new LinkedHashMap<>();
  private final Subscription subscription;
  private long lastWindow = -1;

  ActiveAlerts(ModelMonitor monitor, int windows) {
    if (windows < 1) {
      throw new IllegalArgumentException("windows must be >= 1, was " + windows);
    }
    this.windows = windows;
    this.subscription = monitor.events().onEvent(e -> {
      if (e instanceof AlertRaised a) {
        raised(a);
      } else if (e instanceof WindowClosed w) {
        closed(w.window().index());
      }
    });
  }

  private synchronized void raised(AlertRaised alert) {
    latest.put(alert.rule() + "\u0000" + alert.subject().orElse(""), alert);
    lastWindow = Math.max(lastWindow, alert.window());
  }

  private synchronized void closed(long window) {
    lastWindow = Math.max(lastWindow, window);
    latest.values().removeIf(a -> !active(a));
  }

  private boolean active(AlertRaised alert) {
    return alert.window() > lastWindow - windows;
  }

  /** Returns the active alerts, in the order their rule and subject first fired. */
  synchronized List<AlertRaised> active() {
    List<AlertRaised> out = new ArrayList<>();
    for (AlertRaised a : latest.values()) {
      if (active(a)) {
        out.add(a);
      }
    }
    return out;
  }

  void stop() {
    subscription.close();
  }
}
