package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.data.CsvReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxServingStepTest {

  @Test
  void trainsExportsServesAndHandsOnTheModel(@TempDir Path dir) throws Exception {
    StringWriter text = new StringWriter();
    DemoContext context = new DemoContext(new PrintWriter(text), dir, 42);
    try (var in = getClass().getResourceAsStream(LoadDatasetStep.RESOURCE)) {
      context.put(DemoContext.DATASET, CsvReader.defaults()
          .read(new InputStreamReader(in, StandardCharsets.UTF_8), "bc.csv"));
    }
    new DataSpecStep().run(context); // the dataset version and the run table the model run needs
    new ExperimentsStep().run(context);
    text.getBuffer().setLength(0);
    new OnnxServingStep().run(context);
    assertThat(Files.size(dir.resolve(OnnxServingStep.MODEL_FILE))).isPositive();
    assertThat(text.toString()).contains("trained on 455 rows, 30 features")
        .containsPattern("held-out accuracy: \\d+/114 = 0\\.9[5-9]\\d")
        // the better model is tracked next to the baselines, with its accuracy per epoch count
        .containsPattern("tracked run 'logistic-regression': held-out accuracy after \\[1, 2, 5, 10, 25, 50, 100\\] "
            + "epochs: \\[0\\.\\d{3}(, 0\\.\\d{3}){6}\\]");
    assertThat(text.toString().lines().count()).isLessThanOrEqualTo(25);
    var scored = context.get(OnnxServingStep.SCORED);
    assertThat(scored.rowCount()).isEqualTo(114);
    assertThat(scored.columnNames()).contains("diagnosis", "prediction_label", "probability_malignant");
    try (var model = context.get(OnnxServingStep.MODEL)) {
      assertThat(model.predict(scored.row(0)).label()).isPresent();
    }
  }
}
