package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PrivacyPolicy;
import dev.mlops.testkit.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes records with known sensitive values and scans every byte the logger left on disk. */
class PrivacyByteScanTest {
  @TempDir Path dir;
  final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
  final byte[] keyBytes = "0123456789abcdef-host-secret-key".getBytes(StandardCharsets.US_ASCII);

  @Test
  void noSensitiveValueNorTheKeySurvivesAnywhereOnDisk() throws IOException {
    PrivacyPolicy policy = PrivacyPolicy.builder()
        .field("email", FieldRule.hmac())
        .field("ssn", FieldRule.drop())
        .field("income", FieldRule.bucket(10_000))
        .field("postcode", FieldRule.truncate(2))
        .build();
    List<String> secrets = new ArrayList<>();
    PredictionLogConfig config = PredictionLogConfig.builder(dir).maxFileBytes(4096).privacy(policy).build();
    List<LoggedPrediction> sunk = new ArrayList<>();
    try (PredictionLogger log = PredictionLogger.builder(config).clock(TestClock.create())
        .hmacKey(HmacKey.of(keyBytes)).sink(sunk::add).build()) {
      for (int i = 0; i < 50; i++) {
        String email = "person" + i + "@example.org";
        String ssn = String.format(java.util.Locale.ROOT, "SSN-%03d-77-%04d", i, 1000 + i);
        double income = 54_321.5 + 1000.25 * i;
        String postcode = "ZX9" + (char) ('A' + i % 26) + "Q" + i;
        secrets.addAll(List.of(email, ssn, Double.toString(income), postcode.substring(2)));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("email", email);
        f.put("ssn", ssn);
        f.put("income", income);
        f.put("postcode", postcode);
        f.put("visits", (double) i);
        log.log(Outcomes.success("r" + i, t0, "1", f, "yes", 0.75));
      }
    }
    secrets.add(new String(keyBytes, StandardCharsets.US_ASCII));
    byte[] all = allBytesUnder(dir);
    assertThat(all.length).isGreaterThan(1000);
    String text = new String(all, StandardCharsets.ISO_8859_1);
    for (String secret : secrets) {
      assertThat(text).as("bytes on disk").doesNotContain(secret);
    }
    List<LoggedPrediction> read = PredictionLogReader.of(dir).readAll().records();
    assertThat(read).hasSize(50);
    LoggedPrediction first = read.get(0);
    assertThat(first.inputs()).doesNotContainKey("ssn");
    assertThat((String) first.inputs().get("email")).startsWith("hmac-sha256:").hasSize(12 + 64);
    assertThat(first.inputs().get("income")).isEqualTo(50_000.0);
    assertThat(first.inputs().get("postcode")).isEqualTo("ZX");
    assertThat(first.inputs().get("visits")).isEqualTo(0.0);
    // equal values hash equally, so joins and counts on a hashed field still work
    assertThat(read.get(1).inputs().get("email")).isNotEqualTo(first.inputs().get("email"));
    assertThat(sunk.get(0).inputs()).isEqualTo(first.inputs());
  }

  @Test
  void theHashIsRfc4231Hmac() {
    // RFC 4231 test case 2: key "Jefe" padded is too short for HmacKey, so case 1's 20 bytes of
    // 0x0b with data "Hi There" gives b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
    byte[] key = new byte[20];
    java.util.Arrays.fill(key, (byte) 0x0b);
    PrivacyFilter filter = new PrivacyFilter(
        PrivacyPolicy.builder().field("f", FieldRule.hmac()).build(), java.util.Optional.of(HmacKey.of(key)));
    Map<String, Object> out = filter.apply(dev.mlops.data.Record.of(Map.of("f", "Hi There")));
    assertThat(out.get("f")).isEqualTo(
        "hmac-sha256:b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    assertThat(HmacKey.of(key).toString()).isEqualTo("HmacKey[redacted]");
  }

  private static byte[] allBytesUnder(Path root) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.write(Files.readAllBytes(f));
        out.write(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }
}
