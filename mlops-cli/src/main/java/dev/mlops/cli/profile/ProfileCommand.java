package dev.mlops.cli.profile;

import dev.mlops.core.data.CsvReader;
import dev.mlops.core.profile.ProfileCodec;
import dev.mlops.core.profile.Profiles;
import dev.mlops.data.Dataset;
import dev.mlops.profile.DatasetProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops profile --data F.csv --out P.json}: summarises a CSV file into a mergeable
 * profile (counts, moments, quantile sketches, frequent items, distinct counts per column);
 * {@code ./mlops profile merge} combines profiles. {@code ./mlops drift} accepts profiles in place
 * of CSV files. Exit codes: 0 success, 2 bad input.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    subcommands = MergeCommand.class,
    description = {
      "Profile a CSV file: per column counts, missing values, min/max/mean/variance, a quantile"
          + " sketch, frequent items and a distinct count, in a file that merges with others.",
      "Exit code 0 on success; 2 on bad input."
    })
public final class ProfileCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "F.csv", description = "The CSV file to profile.")
  Path data;

  @Option(names = "--out", paramLabel = "P.json",
      description = "Write the profile here (atomically) instead of standard output.")
  Path out;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|binary",
      description = "Profile layout (default: ${DEFAULT-VALUE}); readers accept both.")
  ProfileCodec.Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (data == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--data=F.csv' (or use 'profile merge')");
    }
    Dataset dataset = CsvReader.defaults().read(data);
    DatasetProfile profile = Profiles.of(dataset);
    write(spec, profile, out, format, "profile of " + data);
    return 0;
  }

  /** Writes a profile to {@code out} (or JSON to standard output) and says what was written. */
  static void write(CommandLine.Model.CommandSpec spec, DatasetProfile profile, Path out,
      ProfileCodec.Format format, String what) {
    PrintWriter w = spec.commandLine().getOut();
    if (out == null) {
      if (format == ProfileCodec.Format.BINARY) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--format binary needs --out FILE");
      }
      w.println(ProfileCodec.toJson(profile));
    } else {
      ProfileCodec.write(profile, out, format);
      w.printf(Locale.ROOT, "%s (%d rows, %d columns) written to %s%n", what, profile.rowCount(),
          profile.columns().size(), out);
    }
    w.flush();
  }
}
