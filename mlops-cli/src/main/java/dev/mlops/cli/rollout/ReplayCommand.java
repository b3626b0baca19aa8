package dev.mlops.cli.rollout;

import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.deployment.RolloutPlans;
import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.events.RolloutEvent;
import dev.mlops.model.PredictionRequest;
import dev.mlops.onnx.OnnxModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops rollout replay --primary A.onnx --candidate B.onnx --traffic F.csv [--label COL]
 * [--key-column COL] --plan PLAN.json [--format text|json]}: replays recorded traffic, one request
 * per row in file order, through a rollout of the plan, shadow copies running on the replaying
 * thread so the replay is deterministic for a seed. The label column, when given, is joined as a
 * delayed label right after each request (accuracy gates, McNemar). Rows without a routing key
 * are bucketed from the seeded random sequence. The replay stops when the rollout is promoted,
 * rolled back or paused for a human; traffic that ends first pauses it. Exit 0 for any outcome, 2
 * on bad input.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay recorded traffic through a rollout plan and report each step's gates.")
public final class ReplayCommand implements Callable<Integer> {

  @Option(names = "--primary", required = true, paramLabel = "A.onnx", description = "The model in production.")
  Path primaryFile;

  @Option(names = "--candidate", required = true, paramLabel = "B.onnx", description = "The model rolled out.")
  Path candidateFile;

  @Option(names = "--traffic", required = true, paramLabel = "F.csv", description = "Recorded requests, one per row.")
  Path trafficFile;

  @Option(names = "--label", paramLabel = "COL", description = "Column with the true label (enables accuracy gates).")
  String labelColumn;

  @Option(names = "--key-column", paramLabel = "COL", description = "Column with the routing key (sticky canary).")
  String keyColumn;

  @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "Steps and gates.")
  Path planFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  ReplayFormat format;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for rows without a key (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RolloutPlan plan = RolloutPlans.read(planFile);
    Dataset traffic = CsvReader.defaults().read(trafficFile);
    requireColumn(traffic, labelColumn, "--label");
    requireColumn(traffic, keyColumn, "--key-column");
    try (OnnxModel primary = OnnxModel.load(primaryFile);
        OnnxModel candidate = OnnxModel.load(candidateFile);
        RolloutController rollout = RolloutController.builder("replay", plan, primary, candidate)
            .salt("replay-" + seed).seed(seed).noKeyPolicy(NoKeyPolicy.RANDOM)
            .shadowExecutor(Runnable::run).labelsExpected(labelColumn != null).build()) {
      Map<Integer, StepRecord> steps = new LinkedHashMap<>();
      List<RolloutEvent> events = new ArrayList<>(rollout.auditLog());
      rollout.events().onEvent(events::add);
      for (int i = 0; i < traffic.rowCount() && rollout.status().state() == RolloutState.RUNNING; i++) {
        int at = rollout.status().step();
        steps.computeIfAbsent(at, k -> stepRecord(plan, k)).requests++;
        Record row = traffic.row(i);
        String id = "row-" + (i + 1);
        PredictionRequest.Builder request = PredictionRequest.builder(row).requestId(id);
        String key = keyColumn == null ? null : row.getString(keyColumn);
        if (key != null && !key.isBlank()) {
          request.routingKey(key);
        }
        rollout.serve(request.build());
        String label = labelColumn == null ? null : row.getString(labelColumn);
        if (label != null) {
          rollout.label(id, label);
        }
      }
      if (rollout.status().state() == RolloutState.RUNNING) {
        rollout.pause("the traffic in " + trafficFile.getFileName() + " ended after " + traffic.rowCount()
            + " rows, before step " + rollout.status().step() + "'s window closed");
      }
      for (RolloutEvent e : events) {
        if (e instanceof GatesEvaluated g) {
          steps.computeIfAbsent(g.step(), k -> stepRecord(plan, k)).gates = g.verdicts();
        }
      }
      String outcome = switch (rollout.status().state()) {
        case PROMOTED -> "PROMOTED";
        case ROLLED_BACK, ABORTED -> "ROLLED_BACK";
        default -> "PAUSED";
      };
      PrintWriter out = spec.commandLine().getOut();
      if (format == ReplayFormat.JSON) {
        out.println(ReplayJson.render(outcome, steps.values(), events));
      } else {
        ReplayText.render(out, outcome, steps.values(), events);
      }
      out.flush();
    }
    return MlopsCommand.EXIT_OK;
  }

  private static StepRecord stepRecord(RolloutPlan plan, int index) {
    RolloutStep s = plan.step(index);
    return new StepRecord(index, s.weightBps(), s.shadow());
  }

  private void requireColumn(Dataset data, String column, String option) {
    if (column != null && data.find(column).isEmpty()) {
      throw new IllegalArgumentException(trafficFile + " has no column '" + column + "' for " + option
          + "; columns: " + data.columnNames());
    }
  }
}
