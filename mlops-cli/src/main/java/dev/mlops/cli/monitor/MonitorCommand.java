package dev.mlops.cli.monitor;

import dev.mlops.cli.MlopsCommand;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.core.monitoring.AlertRules;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.core.monitoring.ReferenceProfileJson;
import dev.mlops.core.monitoring.ReferenceProfiles;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.ReferenceProfile;
import dev.mlops.monitoring.WindowClosed;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.time.MlopsClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops monitor}: replays a CSV of recorded traffic row by row through a
 * {@link ModelMonitor} around an ONNX model and prints every window (latency, errors, missing
 * and out-of-spec values per feature, class shares, drift per feature against the reference,
 * accuracy when a label column is given) and every alert. Alert rules: those of the spec
 * ({@link AlertRules#fromSpec}) and, with a reference, {@link AlertRules#drift()}.
 *
 * <p>Exit 0 with or without alerts; 2 on bad input (unreadable files, a window of size 0, a
 * label column that is not in the traffic).
 *
 * <p>Picocli creates one instance per invocation; not thread-safe.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Replay recorded traffic through a monitored model: windows, drift and alerts.",
      "Exit code 0 with or without alerts; 2 on bad input."
    })
public final class MonitorCommand implements Callable<Integer> {
  /** Default window: {@value} rows. */
  static final long DEFAULT_WINDOW = 1000;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "The model.")
  Path modelFile;

  @Option(names = "--traffic", required = true, paramLabel = "F.csv",
      description = "Recorded requests, one row each, in arrival order.")
  Path trafficFile;

  @Option(names = "--spec", paramLabel = "S.json",
      description = "Input spec to check requests against (default: the model's own).")
  Path specFile;

  @Option(names = "--reference", paramLabel = "R.csv|P.json",
      description = "Training data or a saved reference profile to compare windows with.")
  Path referenceFile;

  @Option(names = "--label", paramLabel = "COL",
      description = "Column with the true label: accuracy per window.")
  String labelColumn;

  @Option(names = "--window", defaultValue = "" + DEFAULT_WINDOW, paramLabel = "N",
      description = "Rows per window (default: ${DEFAULT-VALUE}).")
  long window;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Override
  public Integer call() {
    WindowPolicy policy = WindowPolicy.ofCount(window);
    try (OnnxModel model = OnnxModel.load(modelFile)) {
      DatasetSpec inputSpec = specFile != null ? SpecJson.read(specFile) : model.inputSpec();
      Dataset traffic = CsvReader.builder().spec(inputSpec).build().read(trafficFile);
      if (labelColumn != null && traffic.find(labelColumn).isEmpty()) {
        throw new IllegalArgumentException("--label: column '" + labelColumn + "' is not in "
            + trafficFile + "; columns: " + traffic.columnNames());
      }
      MonitorConfig.Builder config = MonitorConfig.builder()
          .name(model.name() + ".monitor")
          .window(policy)
          .inputSpec(inputSpec)
          .rules(AlertRules.fromSpec(inputSpec))
          .windowHistory(windowsOf(traffic.rowCount()));
      if (referenceFile != null) {
        config.reference(reference(inputSpec)).rule(AlertRules.drift());
      }
      Replay replay = replay(model, config.build(), traffic);
      PrintWriter out = spec.commandLine().getOut();
      out.print(format == Format.JSON
          ? MonitorJson.toJson(replay.windows(), replay.alerts()) + System.lineSeparator()
          : text(replay));
      out.flush();
    }
    return MlopsCommand.EXIT_OK;
  }

  private int windowsOf(int rows) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + window - 1) / window));
  }

  private ReferenceProfile reference(DatasetSpec inputSpec) {
    String name = referenceFile.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return ReferenceProfileJson.read(referenceFile);
    }
    return ReferenceProfiles.of(CsvReader.builder().spec(inputSpec).build().read(referenceFile));
  }

  private record Replay(List<WindowSummary> windows, List<AlertRaised> alerts) {}

  private Replay replay(OnnxModel model, MonitorConfig config, Dataset traffic) {
    MlopsClock clock = MlopsClock.system();
    ModelMonitor monitor = ModelMonitor.of(model, config.toBuilder()
        .eventCapacity(eventCapacity(traffic.rowCount(), config)).build(), clock);
    List<WindowSummary> windows = Collections.synchronizedList(new ArrayList<>());
    List<AlertRaised> alerts = Collections.synchronizedList(new ArrayList<>());
    monitor.events().onEvent(WindowClosed.class, w -> windows.add(w.window()));
    monitor.events().onEvent(AlertRaised.class, alerts::add);
    for (int i = 0; i < traffic.rowCount(); i++) {
      Record row = traffic.row(i);
      PredictionOutcome o = PredictionOutcomes.invoke(
          model, PredictionRequest.of("row-" + i, row), Arm.PRIMARY, clock);
      String label = labelColumn == null ? null : row.getString(labelColumn);
      if (label == null) {
        monitor.record(o);
      } else {
        monitor.record(o, label);
      }
    }
    monitor.closeWindow();
    long dropped = monitor.snapshot().droppedEvents();
    monitor.close();
    if (dropped > 0) {
      throw new IllegalStateException("the replay produced more events than it could queue");
    }
    return new Replay(List.copyOf(windows), List.copyOf(alerts));
  }

  /** Room for every window's event and an alert per rule and feature in each. */
  private static int eventCapacity(int rows, MonitorConfig config) {
    long windows = rows / config.window().count() + 1;
    long features = config.inputSpec().map(s -> s.features().size()).orElse(0) + 1L;
    long perWindow = 1 + (config.rules().size() + 1L) * features;
    return (int) Math.min(1 << 22, Math.max(MonitorConfig.DEFAULT_EVENT_CAPACITY,
        windows * perWindow));
  }

  private static String text(Replay r) {
    StringBuilder sb = new StringBuilder();
    for (WindowSummary w : r.windows()) {
      sb.append(String.format(Locale.ROOT,
          "window %d rows %d-%d: %d predictions, p99 %.3f ms, %d errors", w.index(),
          w.startRow(), w.endRow() - 1, w.count(), w.latencyP99Ms(), w.errors()));
      long missing = w.missing().values().stream().mapToLong(Long::longValue).sum();
      long outOfSpec = w.outOfSpec().values().stream().mapToLong(Long::longValue).sum();
      sb.append(String.format(Locale.ROOT, ", %d missing, %d out of spec", missing, outOfSpec));
      long drifted = w.drift().values().stream().filter(d -> d.drifted()).count();
      if (!w.drift().isEmpty()) {
        sb.append(String.format(Locale.ROOT, ", %d of %d features drifted", drifted,
            w.drift().size()));
      }
      if (w.accuracy().isPresent()) {
        sb.append(String.format(Locale.ROOT, ", accuracy %.4f", w.accuracy().getAsDouble()));
      }
      sb.append(System.lineSeparator());
    }
    sb.append(String.format(Locale.ROOT, "%d alert%s%n", r.alerts().size(),
        r.alerts().size() == 1 ? "" : "s"));
    for (AlertRaised a : r.alerts()) {
      sb.append(String.format(Locale.ROOT, "  row %d, window %d, %s: %s%n", a.row(), a.window(),
          a.rule(), a.reason()));
    }
    return sb.toString();
  }
}
