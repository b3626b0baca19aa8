package dev.mlops.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.StoreException;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on a real full disk: a 512 KiB tmpfs, filled up. Mounting needs root (or
 * CAP_SYS_ADMIN) on Linux; elsewhere the test is skipped with a message saying so.
 */
class FullDiskTest {
  @TempDir Path dir;
  Path mount;
  boolean mounted;

  @BeforeEach
  void mountSmallTmpfs() throws Exception {
    mount = Files.createDirectory(dir.resolve("disk"));
    mounted = run("mount", "-t", "tmpfs", "-o", "size=512k", "mlops-test-tmpfs", mount.toString());
    Assumptions.assumeTrue(mounted, "skipped: cannot mount a small tmpfs here (needs Linux and root)");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", "-l", mount.toString());
    }
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no mount command
    }
  }

  /** Writes until the disk is full; returns the filler so that space can be given back. */
  private static Path fill(Path disk) throws IOException {
    Path filler = disk.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      assertThat(full).hasMessageContaining("No space left on device");
    }
    return filler;
  }

  @Test
  void failedStartAndFailedArtifactLeaveNothingBehindAndReportTheDiskError() throws Exception {
    Path store = mount.resolve("store");
    try (FileTracker t = FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).build())) {
      ActiveRun run = t.startRun("exp", "before");
      run.logParam("lr", "0.1");
      t.flush();
      Path filler = fill(mount);

      assertThatThrownBy(() -> t.startRun("exp", "on-a-full-disk"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot create the run").hasMessageContaining("No space left on device");
      assertThatThrownBy(() -> run.logArtifact("model.bin", new byte[256 * 1024]))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot store artifact 'model.bin'")
          .hasMessageContaining("no space left on device"); // AtomicFiles' lower-case reason

      try (Stream<Path> runs = Files.list(store.resolve("runs"))) {
        assertThat(runs).containsExactly(store.resolve("runs").resolve(run.runId()));
      }
      try (Stream<Path> artifacts = Files.walk(store.resolve("runs").resolve(run.runId()))) {
        assertThat(artifacts).noneMatch(p -> p.getFileName().toString().startsWith(".artifact"));
      }
      assertThat(t.problems()).isEmpty();

      Files.delete(filler); // space again: the store carries on
      run.logArtifact("model.bin", new byte[] {1});
      run.end(RunStatus.FINISHED);
      try (ActiveRun after = t.startRun("exp", "after")) {
        after.logMetric("m", 1);
      }
      assertThat(t.searchRuns(RunQuery.of(List.of("exp"), "", List.of())).runs()).extracting(RunRecord::runName)
          .containsExactlyInAnyOrder("before", "after");
      assertThat(t.problems()).isEmpty();
    }
  }
}
