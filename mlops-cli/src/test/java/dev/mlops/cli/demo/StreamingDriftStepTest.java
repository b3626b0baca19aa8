package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingDriftStepTest {

  @Test
  void eachDetectorFlagsTheRiseAfterItBeganAndRunsRepeat(@TempDir Path dir) {
    String out = run(dir);
    for (String type : new String[] {"adwin", "ddm", "hddm-a"}) {
      Matcher m = Pattern.compile(type + "\\s+drift flagged at prediction (\\d+)").matcher(out);
      assertThat(m.find()).as(out).isTrue();
      assertThat(Long.parseLong(m.group(1))).isBetween(3000L, 4000L);
    }
    assertThat(run(dir)).isEqualTo(out);
  }

  private static String run(Path dir) {
    StringWriter sw = new StringWriter();
    new StreamingDriftStep().run(new DemoContext(new PrintWriter(sw), dir, 42));
    return sw.toString();
  }
}
