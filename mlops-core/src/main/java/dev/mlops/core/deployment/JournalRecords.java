package dev.mlops.core.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.StoreException;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.events.RolloutEvent;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.scoping.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The records of a rollout journal and how a controller is rebuilt from them. Line 1 is the
 * header ({@code "type": "rollout"}, the format, name, salt and plan); then {@code "transition"}
 * and {@code "gates"} records (the audit log, each with the failure count after it) and
 * {@code "window"} checkpoints of the current step's counts; the last checkpoint of the step the
 * last transition left the rollout at is its window.
 *
 * <p>Stateless and thread-safe.
 */
final class JournalRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a journal says about a rollout. */
  record Restored(String salt, int step, RolloutState state, int failures, String reason,
      List<RolloutEvent> events, Optional<Map<String, Object>> window, Optional<Instant> windowStart) {}

  private JournalRecords() {}

  static Map<String, Object> header(String name, String salt, RolloutPlan plan, NoKeyPolicy noKey,
      boolean labelsExpected, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "rollout");
    m.put("format", RolloutJournal.FORMAT);
    m.put("name", name);
    m.put("salt", salt);
    m.put("noKeyPolicy", noKey.name());
    m.put("labelsExpected", labelsExpected);
    m.put("created", now.toString());
    m.put("plan", MAPPER.convertValue(RolloutPlans.toNode(plan), Map.class));
    return m;
  }

  static Map<String, Object> of(RolloutEvent event, int failures) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (event instanceof RolloutTransition t) {
      m.put("type", "transition");
      m.put("time", t.time().toString());
      m.put("kind", t.kind().name());
      m.put("step", t.step());
      m.put("state", t.state().name());
      m.put("failures", failures);
      m.put("dryRun", t.dryRun());
      m.put("reason", t.reason());
    } else if (event instanceof GatesEvaluated g) {
      m.put("type", "gates");
      m.put("time", g.time().toString());
      m.put("step", g.step());
      m.put("overall", g.overall().name());
      m.put("failures", g.failures());
      m.put("requests", g.requests());
      m.put("candidateRequests", g.candidateRequests());
      m.put("dryRun", g.dryRun());
      m.put("reason", g.reason());
      List<Map<String, Object>> verdicts = new ArrayList<>();
      for (ObjectiveVerdict v : g.verdicts()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("metric", v.objective().metric());
        vm.put("verdict", v.verdict().name());
        vm.put("candidate", v.candidate().isPresent() ? v.candidate().getAsDouble() : null);
        vm.put("baseline", v.baseline().isPresent() ? v.baseline().getAsDouble() : null);
        vm.put("threshold", v.threshold());
        vm.put("samples", v.samples());
        vm.put("baselineSamples", v.baselineSamples());
        vm.put("reason", v.reason());
        verdicts.add(vm);
      }
      m.put("verdicts", verdicts);
    } else {
      throw new IllegalArgumentException("not a journaled event: " + event);
    }
    return m;
  }

  /**
   * Rebuilds a rollout from its records; empty for an empty journal.
   *
   * @throws StoreException for a newer format or a damaged record
   * @throws IllegalStateException if the journal belongs to another rollout or plan
   */
  static Optional<Restored> restore(List<Map<String, Object>> records, Path file, String name, RolloutPlan plan) {
    if (records.isEmpty()) {
      return Optional.empty();
    }
    String where = file.toString();
    Map<String, Object> header = records.get(0);
    if (!"rollout".equals(header.get("type"))) {
      throw new StoreException(where, "line 1 is not a rollout journal header: " + header.get("type"), null);
    }
    long format = ArmStats.number(header, "format");
    if (format > RolloutJournal.FORMAT) {
      throw new StoreException(where, "the rollout journal has format " + format
          + ", newer than the " + RolloutJournal.FORMAT + " this version of mlops-java reads; upgrade it", null);
    }
    if (!name.equals(header.get("name"))) {
      throw new IllegalStateException(where + " is the journal of rollout '" + header.get("name")
          + "', not '" + name + "'");
    }
    String journalPlan = MAPPER.valueToTree(header.get("plan")).toString();
    if (!journalPlan.equals(RolloutPlans.toNode(plan).toString())) {
      throw new IllegalStateException(where + " holds rollout '" + name + "' with another plan: "
          + journalPlan + "; resume it with that plan or start a new rollout under another name");
    }
    String salt = String.valueOf(header.get("salt"));
    int step = 0;
    RolloutState state = RolloutState.RUNNING;
    int failures = 0;
    String reason = "";
    List<RolloutEvent> events = new ArrayList<>();
    Map<Integer, Map<String, Object>> lastWindow = new java.util.HashMap<>();
    String source = name + ".rollout";
    for (int i = 1; i < records.size(); i++) {
      Map<String, Object> r = records.get(i);
      try {
        switch (String.valueOf(r.get("type"))) {
          case "transition" -> {
            RolloutTransition t = new RolloutTransition(Instant.parse((String) r.get("time")), source, name,
                RolloutTransition.Kind.valueOf((String) r.get("kind")), (int) ArmStats.number(r, "step"),
                RolloutState.valueOf((String) r.get("state")), (String) r.get("reason"),
                Boolean.TRUE.equals(r.get("dryRun")));
            events.add(t);
            step = t.step();
            state = t.state();
            failures = (int) ArmStats.number(r, "failures");
            if (t.kind() != RolloutTransition.Kind.RESTORED) {
              reason = t.reason();
            }
          }
          case "gates" -> {
            events.add(gates(r, source, name, plan));
            failures = (int) ArmStats.number(r, "failures");
          }
          case "window" -> lastWindow.put((int) ArmStats.number(r, "step"), r);
          default -> throw new IllegalArgumentException("unknown record type " + r.get("type"));
        }
      } catch (RuntimeException e) {
        throw new StoreException(where, "line " + (i + 1) + " of the rollout journal cannot be read: "
            + e.getMessage(), e);
      }
    }
    if (step >= plan.steps().size()) {
      throw new StoreException(where, "the journal's step " + step + " is beyond the plan's "
          + plan.steps().size() + " steps", null);
    }
    Optional<Map<String, Object>> window = Optional.ofNullable(lastWindow.get(step));
    Optional<Instant> start = window.map(w -> Instant.parse((String) w.get("startedAt")));
    return Optional.of(new Restored(salt, step, state, failures, reason, events, window, start));
  }

  private static GatesEvaluated gates(Map<String, Object> r, String source, String name, RolloutPlan plan) {
    List<ObjectiveVerdict> verdicts = new ArrayList<>();
    for (Object o : (List<?>) r.get("verdicts")) {
      Map<String, Object> v = ArmStats.asMap(o);
      String metric = (String) v.get("metric");
      Objective objective = plan.gates().find(metric)
          .orElseThrow(() -> new IllegalArgumentException("gate '" + metric + "' is not in the plan"));
      verdicts.add(new ObjectiveVerdict(objective, Verdict.valueOf((String) v.get("verdict")),
          optional(v.get("candidate")), optional(v.get("baseline")), ArmStats.real(v.get("threshold")),
          ArmStats.number(v, "samples"), ArmStats.number(v, "baselineSamples"), (String) v.get("reason")));
    }
    return new GatesEvaluated(Instant.parse((String) r.get("time")), source, name, (int) ArmStats.number(r, "step"),
        verdicts, Verdict.valueOf((String) r.get("overall")), (int) ArmStats.number(r, "failures"),
        ArmStats.number(r, "requests"), ArmStats.number(r, "candidateRequests"),
        Boolean.TRUE.equals(r.get("dryRun")), (String) r.get("reason"));
  }

  private static OptionalDouble optional(Object o) {
    return o == null ? OptionalDouble.empty() : OptionalDouble.of(ArmStats.real(o));
  }
}
