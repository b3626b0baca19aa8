package dev.mlops.cli.profile;

import dev.mlops.core.profile.ProfileCodec;
import dev.mlops.core.profile.Profiles;
import dev.mlops.profile.DatasetProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mlops profile merge A.json B.json ... --out P.json}: merges profiles (of shards, hosts,
 * days) into the profile of all their rows. Exit codes: 0 success, 2 bad input (a file that is not
 * a profile, columns of clashing types, other sketch settings).
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge profiles into the profile of all their rows.",
      "Exit code 0 on success; 2 on bad input."
    })
final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PROFILE", description = "Profiles to merge (JSON or binary).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "P.json",
      description = "Write the merged profile here (atomically) instead of standard output.")
  Path out;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|binary",
      description = "Profile layout (default: ${DEFAULT-VALUE}).")
  ProfileCodec.Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<DatasetProfile> profiles = new ArrayList<>();
    for (Path p : inputs) {
      profiles.add(ProfileCodec.read(p));
    }
    DatasetProfile merged;
    try {
      merged = Profiles.merge(profiles);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot merge " + inputs + ": " + e.getMessage(), e);
    }
    ProfileCommand.write(spec, merged, out, format, "merge of " + inputs.size() + " profiles");
    return 0;
  }
}
