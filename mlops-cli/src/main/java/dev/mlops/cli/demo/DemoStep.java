package dev.mlops.cli.demo;

/**
 * One stage of {@code ./mlops demo}. Each lifecycle capability contributes a step; steps run in the
 * order listed in {@link DemoCommand#STEPS} and pass results to later steps through the
 * {@link DemoContext}.
 */
interface DemoStep {

  /** Returns the heading printed before the step, e.g. "Data: read the bundled dataset". */
  String title();

  /**
   * Runs the step, printing what it shows to {@link DemoContext#out()}.
   *
   * @param context shared state of this demo run
   * @throws Exception on failure; the demo stops and exits non-zero
   */
  void run(DemoContext context) throws Exception;
}
