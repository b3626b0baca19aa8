package dev.mlops.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code ./mlops demo}: the end-to-end lifecycle on the bundled Breast Cancer Wisconsin data, with
 * every capability the SDK has so far, one step each, then the lifecycle dashboard
 * ({@value #DASHBOARD_FILE}) the steps filled. Deterministic for a seed: every timestamp in its
 * files comes from the fixed {@code DemoContext.CLOCK}.
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
      new ProfileStep(),
      new StreamingDriftStep(),
      new DeploymentStep(),
      new MonitoringStep(),
      new FeedbackStep());

  /** The dashboard's file name under the output folder. */
  static final String DASHBOARD_FILE = "dashboard.html";

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
    long started = System.nanoTime();
    Path dashboard = outputDir.resolve(DASHBOARD_FILE);
    try (DemoContext context = new DemoContext(out, outputDir, seed)) {
      int n = 1;
      for (DemoStep step : STEPS) {
        out.printf(Locale.ROOT, "%n== %d/%d. %s ==%n", n++, STEPS.size(), step.title());
        out.flush();
        long t0 = System.nanoTime();
        step.run(context);
        out.printf(Locale.ROOT, "  (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
      }
      context.dashboard().write(dashboard);
    }
    out.printf(Locale.ROOT, "%nDemo finished in %.1f s. Files written under %s%n",
        (System.nanoTime() - started) / 1e9, outputDir.toAbsolutePath());
    out.printf(Locale.ROOT, "Dashboard: %s%n", dashboard.toAbsolutePath().toUri());
    out.flush();
    return 0;
  }
}
