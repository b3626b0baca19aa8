package dev.mlops.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny file system for full-disk tests: a {@code tmpfs} mounted on a folder. Mounting
 * needs root on Linux; elsewhere the test is skipped with a message saying so (JUnit reports it
 * as skipped, not passed).
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code kib} KiB on {@code mountPoint}, or skips the calling test. */
  static SmallDisk mount(Path mountPoint, int kib) throws IOException, InterruptedException {
    boolean linux = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
    assumeTrue(linux && "root".equals(System.getProperty("user.name")),
        "full-disk test skipped: mounting a tmpfs needs root on Linux");
    Files.createDirectories(mountPoint);
    int rc = exec("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", mountPoint.toString());
    assumeTrue(rc == 0, "full-disk test skipped: mount -t tmpfs failed (exit " + rc + ")");
    return new SmallDisk(mountPoint);
  }

  /** Fills every free byte with a filler file, so the next write fails with ENOSPC. */
  void fill() throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler"))) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // No space left on device: exactly the state the test wants.
    }
  }

  @Override
  public void close() throws IOException {
    try {
      exec("umount", mountPoint.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unmounting " + mountPoint, e);
    }
  }

  private static int exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
