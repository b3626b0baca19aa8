package dev.mlops.cli.data;

import dev.mlops.core.data.CsvReader;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The CSV reading options every command that reads a data file shares ({@code --na-values}), and
 * the warnings a read prints on stderr. A picocli mixin; not thread-safe.
 */
public final class CsvOptions {
  @Option(names = "--na-values", split = ",", paramLabel = "TOKEN[,TOKEN...]",
      description = "Cell texts that mean a missing value, e.g. n/a,NULL (default: none; an empty"
          + " cell is always missing).")
  List<String> naValues = List.of();

  /** A reader builder with these options applied. */
  public CsvReader.Builder reader() {
    return CsvReader.builder().naValues(Set.copyOf(new LinkedHashSet<>(naValues)));
  }

  /** Prints one warning line per downgraded column and a summary of invalid cells. */
  public static void warn(CsvReader.Result result, PrintWriter err) {
    for (CsvReader.Downgrade d : result.downgrades()) {
      err.println("warning: " + d.message());
    }
    for (CsvReader.InvalidCell c : result.invalidCells()) {
      err.println("warning: " + c.message());
    }
    long unlisted = result.invalidCellCount() - result.invalidCells().size();
    if (unlisted > 0) {
      err.println("warning: " + unlisted + " more invalid cells read as missing");
    }
    err.flush();
  }
}
