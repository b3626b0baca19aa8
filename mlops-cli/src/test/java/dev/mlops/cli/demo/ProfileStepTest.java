package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.profile.ProfileCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStepTest {

  @Test
  void mergesHostProfilesExactlyAndFindsTheShiftFromProfiles(@TempDir Path dir) throws Exception {
    StringWriter sw = new StringWriter();
    DemoContext context = new DemoContext(new PrintWriter(sw), dir, 42);
    new LoadDatasetStep().run(context);
    new ProfileStep().run(context);
    String out = sw.toString();
    assertThat(out).contains("merged: 284 rows, 31 columns; mean_radius count 284 (whole: 284)");
    assertThat(out).contains("drift from profiles: no (3 of 31 columns drifted)");
    assertThat(ProfileCodec.read(dir.resolve(ProfileStep.PROFILE_FILE)).rowCount()).isEqualTo(284);
  }
}
