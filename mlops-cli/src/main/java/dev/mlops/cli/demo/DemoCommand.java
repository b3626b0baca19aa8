package dev.mlops.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops demo}: the end-to-end lifecycle on the bundled Breast Cancer Wisconsin data, with
 * every capability the SDK has so far, one step each.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the end-to-end lifecycle demo on the bundled Breast Cancer Wisconsin data.")
public final class DemoCommand implements Callable<Integer> {

  /** The steps, in lifecycle order. */
  static final List<DemoStep> STEPS = List.of(
      new ScopingStep(),
      new LoadDatasetStep(),
      new DataSpecStep(),
      new LabelConsistencyStep(),
      new ExperimentsStep(),
      new ErrorAnalysisStep(),
      new OnnxServingStep(),
      new FeaturePipelineStep(),
      new ObjectivesCheckStep(),
      new DriftStep(),
      new DeploymentStep(),
      new MonitoringStep());

  @Option(
      names = "--out",
      defaultValue = "mlops-out/demo",
      description = "Folder for the files the demo writes (default: ${DEFAULT-VALUE}).")
  Path outputDir;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(outputDir);
    try (DemoContext context = new DemoContext(out, outputDir, seed)) {
      int n = 1;
      for (DemoStep step : STEPS) {
        out.printf(Locale.ROOT, "%n== %d. %s ==%n", n++, step.title());
        step.run(context);
        out.flush();
      }
    }
    out.printf(Locale.ROOT, "%nDemo finished. Files written under %s%n", outputDir.toAbsolutePath());
    out.flush();
    return 0;
  }
}
