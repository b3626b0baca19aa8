package dev.mlops.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.StoreException;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import dev.mlops.experiments.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store accepts it can read back; links, bad text and failed writes leave nothing behind. */
class StoreFaultsTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  FileTracker open(Path root) {
    return FileTracker.open(FileTrackerConfig.builder(root).gitDirectory(null).build());
  }

  static DatasetVersion dataset(String source, Map<String, String> tags) {
    return new DatasetVersion("bcw", "sha256:feed", true, Optional.empty(), 1, source, T0, "demo", tags);
  }

  @Test
  void aDatasetTooLongToReadBackIsRejectedWhenLoggedNamingTheFieldAndLimit() {
    try (FileTracker t = open(dir.resolve("s")); ActiveRun run = t.startRun("exp", "r")) {
      assertThatThrownBy(() -> run.logInput(dataset("x".repeat(2_000_000), Map.of()), "training"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("source has 2000000 characters, the limit is 65535");
      Map<String, String> hugeTags = Map.of("a", "é".repeat(300_000), "b", "é".repeat(300_000));
      assertThatThrownBy(() -> run.logInput(dataset("data.csv", hugeTags), "training"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("the input record of dataset 'bcw' takes")
          .hasMessageContaining("the limit of a store line is 1048576 bytes");
      DatasetVersion largest = dataset("s".repeat(RunDataRules.MAX_DATASET_SOURCE_LENGTH), Map.of("t", "é".repeat(400_000)));
      run.logInput(largest, "training");
      t.flush();
      assertThat(t.problems()).isEmpty();
      assertThat(t.findRun(run.runId()).orElseThrow().inputs()).singleElement()
          .satisfies(i -> assertThat(i.dataset()).isEqualTo(largest));
    }
  }

  @Test
  void artifactsAreNeverWrittenThroughSymbolicLinks() throws IOException {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    try (FileTracker t = open(dir.resolve("s")); ActiveRun run = t.startRun("exp", "r")) {
      run.logArtifact("ok.txt", new byte[] {1});
      Path artifacts = t.root().resolve("runs").resolve(run.runId()).resolve("artifacts");
      Files.createSymbolicLink(artifacts.resolve("link"), elsewhere);
      assertThatThrownBy(() -> run.logArtifact("link/x.txt", new byte[] {2}))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is a symbolic link").hasMessageContaining(elsewhere.toString());
      Path source = Files.write(dir.resolve("src.bin"), new byte[] {3});
      assertThatThrownBy(() -> run.logArtifact("link/deeper/y.bin", source)).isInstanceOf(StoreException.class)
          .hasMessageContaining("is a symbolic link");
      Files.createSymbolicLink(artifacts.resolve("file-link"), elsewhere.resolve("target.txt"));
      assertThatThrownBy(() -> run.logArtifact("file-link", new byte[] {4})).hasMessageContaining("is a symbolic link");
      try (Stream<Path> files = Files.list(elsewhere)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void theArtifactDirectoryItselfMustNotBeALink() throws IOException {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    try (FileTracker t = open(dir.resolve("s")); ActiveRun run = t.startRun("exp", "r")) {
      Files.createSymbolicLink(t.root().resolve("runs").resolve(run.runId()).resolve("artifacts"), elsewhere);
      assertThatThrownBy(() -> run.logArtifact("x.txt", new byte[] {1})).hasMessageContaining("is a symbolic link");
      try (Stream<Path> files = Files.list(elsewhere)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void unpairedSurrogatesAreRejectedInNamesKeysAndValues() {
    try (FileTracker t = open(dir.resolve("s"))) {
      assertThatThrownBy(() -> t.startRun(RunSpec.of("exp\uD800", "r")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unpaired surrogate U+D800 at index 3");
      assertThat(t.experimentNames()).isEmpty();
      assertThatThrownBy(() -> t.startRun("exp", "r\uDC00x")).hasMessageContaining("unpaired surrogate U+DC00 at index 1");
      try (ActiveRun run = t.startRun("exp", "ok \uD83D\uDE00")) { // a proper pair is fine
        assertThatThrownBy(() -> run.logParam("p", "a\uD800b")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("value of param 'p' contains an unpaired surrogate U+D800 at index 1");
        assertThatThrownBy(() -> run.setTag("t", "\uDBFF")).hasMessageContaining("value of tag 't'");
        assertThatThrownBy(() -> run.logMetric("m\uD800", 1)).hasMessageContaining("metric key contains an unpaired");
        assertThatThrownBy(() -> run.logInput(dataset("src\uD800", Map.of()), "training"))
            .hasMessageContaining("dataset 'bcw': source contains an unpaired surrogate");
        assertThatThrownBy(() -> run.logArtifact("a\uD800", new byte[0])).hasMessageContaining("artifact path");
        run.logParam("emoji", "\uD83D\uDE00");
        run.end(RunStatus.FINISHED);
        assertThat(t.findRun(run.runId()).orElseThrow().params()).containsEntry("emoji", "\uD83D\uDE00");
      }
      assertThat(t.searchRuns(RunQuery.of(List.of("exp"), "", List.of())).runs()).extracting(RunRecord::runName)
          .containsExactly("ok \uD83D\uDE00");
    }
  }
}
