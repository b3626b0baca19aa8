package dev.mlops.cli.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlops.DataFormatException;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.drift.streaming.StreamingDetectors;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops stream-drift}: feeds one CSV column, row by row, to a streaming detector and
 * reports the 0-based indices after which it flagged a drift (with its estimate of where the
 * change began) and where warning zones began.
 *
 * <p>Exit codes: 0 with or without drift (drift is a result), 2 on bad input: a missing,
 * non-numeric or non-finite value, or a value the detector does not take (outside [0, 1] for
 * DDM, EDDM and HDDM), named by line and value.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "stream-drift",
    mixinStandardHelpOptions = true,
    description = {
      "Run a streaming drift detector over one column of a CSV file, row by row.",
      "Exit code 0 whether or not drift is found; 2 on bad input."
    })
public final class StreamDriftCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  /** Compatibility modes. */
  enum Compat {
    MOA
  }

  @Option(names = "--data", required = true, paramLabel = "F.csv",
      description = "The stream, one row per observation, in file order.")
  Path data;

  @Option(names = "--column", required = true, paramLabel = "C",
      description = "The numeric column to watch (for ddm, eddm, hddm-a, hddm-w: values in "
          + "[0, 1], 1 = error).")
  String column;

  @Option(names = "--detector", required = true, paramLabel = "NAME",
      description = "adwin, page-hinkley, cusum, ddm, eddm, hddm-a, hddm-w or kswin.")
  String detector;

  @Option(names = "--set", paramLabel = "key=value",
      description = "A detector setting, e.g. delta=0.01; repeatable. See docs/drift-streaming.md.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--compat", paramLabel = "moa",
      description = "Reproduce MOA 2024.07's detector exactly.")
  Compat compat;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private long columnNumber;

  @Override
  public Integer call() {
    Map<String, String> effective = new LinkedHashMap<>(settings);
    if (compat == Compat.MOA) {
      if ("false".equalsIgnoreCase(effective.get("moa"))) {
        throw new IllegalArgumentException("--compat moa contradicts --set moa=false");
      }
      effective.put("moa", "true");
    }
    StreamingDriftDetector d = StreamingDetectors.create(detector, effective);
    NumericColumn values = read();
    List<long[]> drifts = new ArrayList<>();
    List<Long> warnings = new ArrayList<>();
    DriftState previous = DriftState.NONE;
    for (int row = 0; row < values.size(); row++) {
      long line = row + 2L;
      if (values.isMissing(row)) {
        throw bad(line, "missing value");
      }
      double v = values.value(row);
      if (!Double.isFinite(v)) {
        throw bad(line, "value " + v + " is not finite");
      }
      DriftSignal s;
      try {
        s = d.update(v);
      } catch (IllegalArgumentException e) {
        throw bad(line, e.getMessage());
      }
      if (s.state() == DriftState.DRIFT) {
        drifts.add(new long[] {s.index(), s.changeStart().orElse(-1)});
      } else if (s.state() == DriftState.WARNING && previous != DriftState.WARNING) {
        warnings.add(s.index());
      }
      previous = s.state();
    }
    PrintWriter w = spec.commandLine().getOut();
    w.print(format == Format.JSON ? json(d, drifts, warnings) : text(d, drifts, warnings));
    w.flush();
    return 0;
  }

  private NumericColumn read() {
    Dataset ds = CsvReader.builder().type(column, FeatureType.NUMERIC).build().read(data);
    Column c = ds.find(column).orElseThrow(() -> new IllegalArgumentException(
        "--column: no column '" + column + "' in " + data + "; columns: " + ds.columnNames()));
    columnNumber = ds.columnNames().indexOf(column) + 1L;
    return (NumericColumn) c;
  }

  private DataFormatException bad(long line, String problem) {
    return new DataFormatException(data.toString(), line, columnNumber, column, problem);
  }


  private String json(StreamingDriftDetector d, List<long[]> drifts, List<Long> warnings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("detector", detector);
    root.put("column", column);
    root.put("count", d.count());
    List<Map<String, Object>> ds = new ArrayList<>();
    for (long[] drift : drifts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", drift[0]);
      m.put("changeStart", drift[1] < 0 ? null : drift[1]);
      ds.add(m);
    }
    root.put("drifts", ds);
    root.put("warnings", warnings);
    root.put("compat", compat == null ? null : compat.name().toLowerCase(Locale.ROOT));
    root.put("settings", settingsOf(d));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a map of plain values", e);
    }
  }

  /** The detector's full settings, defaults included, as its snapshot records them. */
  private static Map<String, String> settingsOf(StreamingDriftDetector d) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      new ObjectMapper().readTree(d.snapshot().json()).get("config").properties()
          .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a detector wrote a snapshot that is not JSON", e);
    }
    return out;
  }

  private String text(StreamingDriftDetector d, List<long[]> drifts, List<Long> warnings) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s on column %s: %d values, %d drift%s, %d warning%s%n",
        detector, column, d.count(), drifts.size(), drifts.size() == 1 ? "" : "s",
        warnings.size(), warnings.size() == 1 ? "" : "s"));
    for (long[] drift : drifts) {
      sb.append(String.format(Locale.ROOT, "  drift after index %d%s%n", drift[0],
          drift[1] < 0 ? "" : String.format(Locale.ROOT, " (change began near %d, delay %d)",
              drift[1], drift[0] - drift[1])));
    }
    if (!warnings.isEmpty()) {
      sb.append("  warnings began at ").append(warnings).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
