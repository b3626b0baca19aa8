package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.data.SpecJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSpecStepTest {

  @Test
  void stepWritesTheSpecReportsTheFaultsAndSplits(@TempDir Path dir) throws Exception {
    StringWriter text = new StringWriter();
    DemoContext context = new DemoContext(new PrintWriter(text), dir, 42);
    new LoadDatasetStep().run(context);
    new DataSpecStep().run(context);
    assertThat(SpecJson.read(dir.resolve("spec.json"))).isEqualTo(context.get(DataSpecStep.SPEC));
    assertThat(text.toString())
        .contains("faulty copy: 5 violations")
        .contains("row 3=99.5").contains("row 7=unknown").contains("row 9=NaN")
        .contains("row 14=3").contains("row 20=n/a")
        .contains("test       57 rows")
        .contains("benign=0.7969, malignant=1.3420");
    assertThat(context.get(DataSpecStep.SPLIT).totalRows()).isEqualTo(569);
  }
}
