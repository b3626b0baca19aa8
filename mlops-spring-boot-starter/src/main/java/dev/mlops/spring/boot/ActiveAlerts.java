package dev.mlops.spring.boot;

import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.events.Subscription;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.monitoring.WindowClosed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one monitor that are still active: the latest alert per rule and subject, until
 * its rule could have fired again and did not. A rule is quiet for {@code coolDownWindows} after
 * it fires and needs {@code forWindows} breaching windows to fire, so a breach that persists
 * fires again within {@code coolDownWindows + forWindows} windows and stays active without a gap;
 * one that ended is inactive that many windows after it last fired.
 *
 * <p>The monitor delivers its events on its own thread; reads may come from any thread (the
 * methods synchronize).
 */
final class ActiveAlerts {
  private final Map<String, Integer> spans = new HashMap<>();
  private final Map<String, AlertRaised> latest = new LinkedHashMap<>();
  private final Subscription subscription;
  private long lastWindow = -1;

  ActiveAlerts(ModelMonitor monitor) {
    for (AlertRule r : monitor.config().rules()) {
      spans.put(r.name(), r.coolDownWindows() + r.forWindows());
    }
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
    return lastWindow - alert.window() < spans.getOrDefault(alert.rule(), 1);
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
