package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturePipelineStepTest {

  @Test
  void trainsWithAPipelineCrossValidatesAndServesARawRequest(@TempDir Path dir) throws Exception {
    StringWriter text = new StringWriter();
    try (DemoContext context = new DemoContext(new PrintWriter(text), dir, 42)) {
      new FeaturePipelineStep().run(context);
    }
    String out = text.toString();
    assertThat(Files.size(dir.resolve(FeaturePipelineStep.MODEL_FILE))).isPositive();
    assertThat(out).contains("-> ok")
        .contains("inputs [income, age, region, grade]")
        .containsPattern("logistic regression +5-fold accuracy 0\\.[89]\\d\\d")
        .contains("baseline: majority class");
    String probabilities = out.lines().filter(l -> l.startsWith("raw request")).findFirst()
        .orElseThrow();
    String[] parts = probabilities.replaceAll(".*java ([0-9.]+), onnx ([0-9.]+)", "$1 $2")
        .split(" ");
    assertThat(Double.parseDouble(parts[0]))
        .isCloseTo(Double.parseDouble(parts[1]), org.assertj.core.api.Assertions.within(2e-5));
  }
}
