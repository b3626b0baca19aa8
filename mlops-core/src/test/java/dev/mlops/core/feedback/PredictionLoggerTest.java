package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.FailureKind;
import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.LogWriteFailed;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import dev.mlops.feedback.PredictionsDropped;
import dev.mlops.feedback.PrivacyPolicy;
import dev.mlops.model.Arm;
import dev.mlops.testkit.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionLoggerTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.create();
  final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void recordsReadBackExactlyWithEveryValueType() {
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("age", 41.5);
    features.put("plan", "pro \"gold\" \u00e9\n");
    features.put("vip", true);
    features.put("since", Instant.parse("2020-02-03T04:05:06.789Z"));
    features.put("missing", null);
    features.put("huge", Double.POSITIVE_INFINITY);
    try (PredictionLogger log = PredictionLogger.builder(PredictionLogConfig.defaults(dir)).clock(clock).build()) {
      log.log(Outcomes.success("r1", t0, "3", features, "yes", 0.8125));
      log.log(Outcomes.failure("r2", t0.plusMillis(1)));
      log.flush();
      assertThat(log.written()).isEqualTo(2);
    }
    PredictionLogReader.Contents read = PredictionLogReader.of(dir).readAll();
    assertThat(read.problems()).isEmpty();
    LoggedPrediction first = read.records().get(0);
    assertThat(first.requestId()).isEqualTo("r1");
    assertThat(first.receivedAt()).isEqualTo(t0);
    assertThat(first.modelVersion()).isEqualTo("3");
    assertThat(first.arm()).isEqualTo(Arm.PRIMARY);
    assertThat(first.inputs()).containsExactlyEntriesOf(features);
    assertThat(first.label()).contains("yes");
    assertThat(first.score()).hasValue(0.8125);
    assertThat(first.probabilities()).containsExactly(Map.entry("no", 0.1875), Map.entry("yes", 0.8125));
    assertThat(first.latency()).isEqualTo(Duration.ofNanos(250_000));
    LoggedPrediction second = read.records().get(1);
    assertThat(second.failure()).contains(FailureKind.TIMEOUT);
    assertThat(second.arm()).isEqualTo(Arm.SHADOW);
    assertThat(second.label()).isEmpty();
  }

  @Test
  void rotatesBySizeAndKeepsOnlyTheNewestFiles() throws IOException {
    PredictionLogConfig config = PredictionLogConfig.builder(dir).maxFileBytes(2048).retainFiles(3).build();
    try (PredictionLogger log = PredictionLogger.builder(config).clock(clock).build()) {
      for (int i = 0; i < 200; i++) {
        log.log(Outcomes.success("r" + i, t0, 0.3));
        if (i % 10 == 9) {
          log.flush(); // several writes, so size rotation is reached between records
        }
      }
    }
    List<Path> files = LogFiles.list(dir);
    assertThat(files).hasSize(3);
    for (Path f : files.subList(0, 2)) {
      assertThat(Files.size(f)).isLessThan(2048 + 300);
    }
    List<LoggedPrediction> records = PredictionLogReader.of(dir).readAll().records();
    assertThat(records).isNotEmpty();
    assertThat(records.get(records.size() - 1).requestId()).isEqualTo("r199");
    for (int i = 1; i < records.size(); i++) {
      int prev = Integer.parseInt(records.get(i - 1).requestId().substring(1));
      assertThat(Integer.parseInt(records.get(i).requestId().substring(1))).isEqualTo(prev + 1);
    }
  }

  @Test
  void rotatesByAgeAndDeletesFilesOlderThanTheRetention() throws IOException {
    PredictionLogConfig config = PredictionLogConfig.builder(dir)
        .rotateEvery(Duration.ofHours(1)).retainFor(Duration.ofHours(3)).build();
    try (PredictionLogger log = PredictionLogger.builder(config).clock(clock).build()) {
      for (int hour = 0; hour < 6; hour++) {
        log.log(Outcomes.success("h" + hour, t0, 0.3));
        log.flush();
        clock.advance(Duration.ofMinutes(61));
      }
      log.log(Outcomes.success("last", t0, 0.3));
      log.flush();
    }
    List<Path> files = LogFiles.list(dir);
    // at the last rotation (6 h 6 min) the files started at 0, 61, 122 and 183 minutes are older
    // than three hours; h4 (244), h5 (305) and the current one remain
    assertThat(files).hasSize(3);
    assertThat(PredictionLogReader.of(dir).readAll().records())
        .extracting(LoggedPrediction::requestId).containsExactly("h4", "h5", "last");
  }

  @Test
  void fullQueueDropsCountsAndReportsWithoutBlocking() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<PredictionsDropped> events = Collections.synchronizedList(new ArrayList<>());
    PredictionSink blocking = r -> release.await();
    PredictionLogConfig config = PredictionLogConfig.builder(dir).queueCapacity(4).build();
    PredictionLogger log = PredictionLogger.builder(config).clock(clock).sink(blocking).build();
    log.events().onEvent(PredictionsDropped.class, events::add);
    for (int i = 0; i < 100; i++) {
      log.log(Outcomes.success("r" + i, t0, 0.3)); // the writer is stuck in the sink: the queue fills
    }
    long dropped = log.dropped();
    // 4 fit in the queue, and the writer may already hold some of them in its batch
    assertThat(dropped).isBetween(100L - 4 - PredictionLogger.BATCH_SIZE, 96L);
    release.countDown();
    log.close();
    assertThat(log.written() + log.dropped()).isEqualTo(100);
    assertThat(events).hasSize(1); // one report per interval, with the total at that moment
    assertThat(events.get(0).reason()).isEqualTo("queue full (capacity 4)");
    assertThat(events.get(0).totalDropped()).isEqualTo(1);
    log.log(Outcomes.success("late", t0, 0.3));
    assertThat(log.dropped()).isEqualTo(dropped + 1);
  }

  @Test
  void unwritableFolderReportsAndDropsButNeverThrows() throws IOException {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x");
    List<LogWriteFailed> failures = Collections.synchronizedList(new ArrayList<>());
    PredictionLogger log = PredictionLogger.builder(PredictionLogConfig.defaults(file.resolve("log"))).clock(clock).build();
    log.events().onEvent(LogWriteFailed.class, failures::add);
    log.log(Outcomes.success("r1", t0, 0.3));
    log.log(Outcomes.success("r2", t0, 0.3));
    log.flush();
    log.close();
    assertThat(log.written()).isZero();
    assertThat(log.dropped()).isEqualTo(2);
    assertThat(log.writeFailures()).isGreaterThanOrEqualTo(1);
    assertThat(failures).isNotEmpty();
    assertThat(failures.get(0).file()).contains("not-a-folder");
    assertThat(failures.stream().mapToLong(LogWriteFailed::droppedRecords).sum()).isEqualTo(2);
  }

  @Test
  void tornAndCorruptLinesAreSkippedWithTheirPosition() throws IOException {
    try (PredictionLogger log = PredictionLogger.builder(PredictionLogConfig.defaults(dir)).clock(clock).build()) {
      for (int i = 0; i < 3; i++) {
        log.log(Outcomes.success("r" + i, t0, 0.3));
      }
    }
    Path file = LogFiles.list(dir).get(0);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(1, lines.get(1).replace("\"r1\"", "\"rX\"")); // checksum no longer matches
    Files.writeString(file, String.join("\n", lines) + "\n" + lines.get(2).substring(0, 20), StandardCharsets.UTF_8);
    PredictionLogReader.Contents read = PredictionLogReader.of(dir).readAll();
    assertThat(read.records()).extracting(LoggedPrediction::requestId).containsExactly("r0", "r2");
    assertThat(read.problems()).hasSize(2);
    assertThat(read.problems().get(0).kind()).isEqualTo(LogProblem.Kind.CORRUPT_LINE);
    assertThat(read.problems().get(0).line()).isEqualTo(2);
    assertThat(read.problems().get(0).detail()).startsWith("checksum mismatch");
    assertThat(read.problems().get(1).kind()).isEqualTo(LogProblem.Kind.INCOMPLETE_LAST_LINE);
    assertThat(read.problems().get(1).line()).isEqualTo(4);
    assertThat(read.problems().get(1).toString()).startsWith(file + ":4: INCOMPLETE_LAST_LINE");
  }

  @Test
  void sinksReceiveTheFilteredRecordsAndSamplingIsSeededByRequestId() {
    List<LoggedPrediction> seen = new ArrayList<>();
    PredictionLogConfig config = PredictionLogConfig.builder(dir).sampleRate(0.25).seed(7)
        .privacy(PrivacyPolicy.builder().field("x", FieldRule.drop()).build()).build();
    try (PredictionLogger log = PredictionLogger.builder(config).clock(clock).localLog(false).sink(seen::add).build()) {
      for (int i = 0; i < 4000; i++) {
        log.log(Outcomes.success("r" + i, t0, 0.3));
      }
      log.flush();
      assertThat(log.written() + log.sampledOut()).isEqualTo(4000);
    }
    assertThat(seen.size()).isBetween(850, 1150);
    assertThat(seen).allSatisfy(r -> assertThat(r.inputs()).doesNotContainKey("x"));
    assertThat(dir.toFile().list()).isEmpty();
    List<LoggedPrediction> again = new ArrayList<>();
    try (PredictionLogger log = PredictionLogger.builder(config).clock(clock).localLog(false).sink(again::add).build()) {
      for (int i = 0; i < 4000; i++) {
        log.log(Outcomes.success("r" + i, t0, 0.3));
      }
    }
    assertThat(again).extracting(LoggedPrediction::requestId)
        .containsExactlyElementsOf(seen.stream().map(LoggedPrediction::requestId).toList());
  }

  @Test
  void hashingWithoutAKeyIsRefusedAtBuildTime() {
    PredictionLogConfig config = PredictionLogConfig.builder(dir)
        .privacy(PrivacyPolicy.builder().field("email", FieldRule.hmac()).build()).build();
    assertThatThrownBy(() -> PredictionLogger.builder(config).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the privacy policy hashes fields [email] but no HMAC key was given");
  }

  @Test
  void badSettingsNameTheSetting() {
    assertThatThrownBy(() -> PredictionLogConfig.builder(dir).sampleRate(0).build())
        .hasMessage("sampleRate must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> PredictionLogConfig.builder(dir).maxFileBytes(10).build())
        .hasMessage("maxFileBytes must be >= 1024, was 10");
  }
}
