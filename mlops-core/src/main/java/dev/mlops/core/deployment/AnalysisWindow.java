package dev.mlops.core.deployment;

import dev.mlops.deployment.RolloutStep;
import dev.mlops.scoping.Measurement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a rollout measured during one step's analysis window: both arms' stats, the shadow
 * comparison, and the host's metrics. The window closes when the candidate has handled
 * {@code requestLimit} requests or when the wall clock reaches {@code deadline}.
 *
 * <p>Thread-safe: recording is lock-free; the limits are changed only under the controller's lock
 * and published through volatile fields.
 */
final class AnalysisWindow {
  final int step;
  final Instant startedAt;
  final ArmStats primary = new ArmStats();
  final ArmStats candidate = new ArmStats();
  final ShadowComparison shadow;
  final LongAdder requests = new LongAdder();
  final LongAdder candidateRequests = new LongAdder();
  final Map<String, Measurement[]> hostMetrics = new ConcurrentHashMap<>();
  private volatile long requestLimit;
  private volatile Instant deadline;

  AnalysisWindow(int step, RolloutStep s, Instant now, ShadowConfig config) {
    this.step = step;
    this.startedAt = now;
    this.shadow = new ShadowComparison(config.tolerance(), config.disagreementSample());
    this.requestLimit = s.requests().orElse(Long.MAX_VALUE);
    this.deadline = s.duration().map(now::plus).orElse(null);
  }

  /** Whether the window has closed by count or by time ({@code now} may be null without a deadline). */
  boolean due(Instant now) {
    if (candidateRequests.sum() >= requestLimit) {
      return true;
    }
    Instant d = deadline;
    return d != null && now != null && !now.isBefore(d);
  }

  boolean hasDeadline() {
    return deadline != null;
  }

  /** Extends a window after a pause: another step's worth of requests and time from now. */
  void extend(RolloutStep s, Instant now) {
    s.requests().ifPresent(r -> requestLimit = candidateRequests.sum() + r);
    s.duration().ifPresent(d -> deadline = now.plus(d));
  }

  // ---- journal ----

  Map<String, Object> toJournal() {
    Map<String, Object> m = new TreeMap<>();
    m.put("type", "window");
    m.put("step", step);
    m.put("startedAt", startedAt.toString());
    m.put("requestLimit", requestLimit);
    if (deadline != null) {
      m.put("deadline", deadline.toString());
    }
    m.put("requests", requests.sum());
    m.put("candidateRequests", candidateRequests.sum());
    m.put("primary", primary.toJournal());
    m.put("candidate", candidate.toJournal());
    m.put("shadow", shadow.toJournal());
    Map<String, Object> host = new TreeMap<>();
    hostMetrics.forEach((k, v) -> host.put(k, java.util.List.of(
        v[0].value(), v[0].samples(), v[1] == null ? Double.NaN : v[1].value(), v[1] == null ? 0 : v[1].samples())));
    m.put("host", host);
    return m;
  }

  void restore(Map<String, Object> m) {
    requestLimit = ArmStats.number(m, "requestLimit");
    Object d = m.get("deadline");
    deadline = d == null ? null : Instant.parse(d.toString());
    requests.add(ArmStats.number(m, "requests"));
    candidateRequests.add(ArmStats.number(m, "candidateRequests"));
    primary.restore(ArmStats.asMap(m.get("primary")));
    candidate.restore(ArmStats.asMap(m.get("candidate")));
    shadow.restore(ArmStats.asMap(m.get("shadow")));
    ArmStats.asMap(m.get("host")).forEach((k, v) -> {
      java.util.List<?> l = (java.util.List<?>) v;
      hostMetrics.put(k, new Measurement[] {
          Measurement.of(ArmStats.real(l.get(0)), ((Number) l.get(1)).longValue()),
          Measurement.of(ArmStats.real(l.get(2)), ((Number) l.get(3)).longValue())});
    });
  }
}
