package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentStepTest {

  @Test
  void rollsTheSubtlyWrongCandidateBackInShadowAndPromotesTheGoodOne(@TempDir Path dir) throws Exception {
    StringWriter sw = new StringWriter();
    String first;
    try (DemoContext context = new DemoContext(new PrintWriter(sw), dir, 42)) {
      new LoadDatasetStep().run(context);
      new DataSpecStep().run(context); // the dataset version and the run table the model run needs
      new ExperimentsStep().run(context);
      new OnnxServingStep().run(context);
      sw.getBuffer().setLength(0);
      new DeploymentStep().run(context);
      first = sw.toString();
    }
    assertThat(first)
        .contains("candidate v2-large-tumours-benign: ROLLED_BACK at step 0")
        .contains("reason: gates failed at step 0 (shadow) shadow.agreement: FAIL")
        .containsPattern("disagreement wrong-\\d+: worst_area \\d+, primary malignant, candidate benign")
        .contains("-> step 2 (canary 50.00%)")
        .contains("candidate v2-reexport: PROMOTED");
    assertThat(first.lines().count()).isLessThanOrEqualTo(25);

    StringWriter again = new StringWriter();
    try (DemoContext context = new DemoContext(new PrintWriter(again), dir, 42)) {
      new LoadDatasetStep().run(context);
      new DataSpecStep().run(context); // the dataset version and the run table the model run needs
      new ExperimentsStep().run(context);
      new OnnxServingStep().run(context);
      again.getBuffer().setLength(0);
      new DeploymentStep().run(context);
    }
    assertThat(again.toString()).as("deterministic for a seed").isEqualTo(first);
  }
}
