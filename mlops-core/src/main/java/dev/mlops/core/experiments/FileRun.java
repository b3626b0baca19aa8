package dev.mlops.core.experiments;

import dev.mlops.StoreException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** A run of a {@link FileTracker}. Thread-safe: values go through the tracker's writer queue. */
final class FileRun implements ActiveRun {
  private final FileTracker tracker;
  private final String runId;
  private final RunFile file;
  private final Path artifactsDir;
  private final Map<String, String> params = new ConcurrentHashMap<>();
  private final AtomicReference<RunStatus> ended = new AtomicReference<>();

  FileRun(FileTracker tracker, String runId, RunFile file, Path artifactsDir) {
    this.tracker = tracker;
    this.runId = runId;
    this.file = file;
    this.artifactsDir = artifactsDir;
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public ActiveRun logParam(String key, String value) {
    RunDataRules.checkParamValue(RunDataRules.checkKey("param", key), value);
    ensureRunning();
    String previous = params.putIfAbsent(key, value);
    if (previous == null) {
      tracker.writer().line(file, RunLogFormat.param(key, value));
    } else if (!previous.equals(value)) {
      throw RunDataRules.paramRewritten(runId, key, previous, value);
    }
    return this;
  }

  @Override
  public ActiveRun logMetric(String key, double value, long step) {
    tracker.checkMetricKey(key);
    ensureRunning();
    tracker.writer().metric(file, key, value, step, tracker.nowMillis());
    return this;
  }

  @Override
  public ActiveRun setTag(String key, String value) {
    RunDataRules.checkTagValue(RunDataRules.checkKey("tag", key), value);
    ensureRunning();
    tracker.writer().line(file, RunLogFormat.tag(key, value));
    return this;
  }

  @Override
  public ActiveRun logInput(DatasetVersion dataset, String context) {
    Objects.requireNonNull(dataset, "dataset");
    RunDataRules.checkDataset(dataset);
    RunDataRules.checkContext(context);
    ensureRunning();
    String json = RunLogFormat.input(dataset, context);
    LogLine.checkFits("the input record of dataset '" + dataset.name() + "'", json);
    tracker.writer().line(file, json);
    return this;
  }

  @Override
  public ActiveRun logArtifact(String relativePath, byte[] content) {
    Objects.requireNonNull(content, "content");
    Path target = artifactTarget(relativePath);
    writeArtifact(target, "artifact '" + relativePath + "'", out -> out.write(content));
    return this;
  }

  @Override
  public ActiveRun logArtifact(String relativePath, Path source) {
    Objects.requireNonNull(source, "file");
    Path target = artifactTarget(relativePath);
    try (InputStream in = Files.newInputStream(source)) {
      writeArtifact(target, source + " as artifact '" + relativePath + "'", in::transferTo);
    } catch (IOException e) {
      throw new StoreException(source.toString(), "cannot read it to store it as artifact '"
          + relativePath + "': " + AtomicFiles.reason(e), e);
    }
    return this;
  }

  /**
   * Writes an artifact with {@link AtomicFiles} (temporary file, fsync, rename; nothing
   * half-written stays behind on a full disk) after checking that no directory on the way and not
   * the target itself is a symbolic link.
   */
  private void writeArtifact(Path target, String what, AtomicFiles.Content content) {
    try {
      realDirectories(target.getParent());
      refuseLink(target);
      AtomicFiles.write(target, content);
    } catch (IOException e) {
      throw new StoreException(target.toString(), "cannot store " + what + ": "
          + AtomicFiles.reason(e), e);
    }
  }

  /**
   * Creates the directories from the run's artifact directory down to {@code dir}, one level at
   * a time, and checks that each is a real directory, not a symbolic link: a link placed inside
   * the run (as in CVE-2023-6909) could otherwise lead a write outside the store.
   */
  private void realDirectories(Path dir) throws IOException {
    Path runDir = artifactsDir.getParent();
    List<Path> levels = new ArrayList<>();
    for (Path p = dir; !p.equals(runDir); p = p.getParent()) {
      levels.add(0, p);
    }
    for (Path p : levels) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(p);
        } catch (FileAlreadyExistsException raced) {
          // created by another thread meanwhile: checked below like any existing entry
        }
      }
      refuseLink(p);
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new StoreException(p.toString(), "is not a directory; cannot store an artifact under it", null);
      }
    }
  }

  private static void refuseLink(Path p) throws IOException {
    if (Files.isSymbolicLink(p)) {
      throw new StoreException(p.toString(), "is a symbolic link (to " + Files.readSymbolicLink(p) + "); artifacts"
          + " are never written through links, which could lead outside the store (CVE-2023-6909)", null);
    }
  }

  @Override
  public void end(RunStatus status) {
    Objects.requireNonNull(status, "status");
    if (!status.terminal()) {
      throw new IllegalArgumentException("a run ends as FINISHED, FAILED or KILLED, not " + status);
    }
    if (!ended.compareAndSet(null, status)) {
      if (ended.get() != status) {
        throw new IllegalStateException("run " + runId + " already ended as " + ended.get());
      }
      return;
    }
    tracker.writer().line(file, RunLogFormat.end(status, tracker.nowMillis()));
    tracker.writer().finish(file);
    tracker.flush();
  }

  @Override
  public void close() {
    if (ended.get() == null) {
      end(RunStatus.FINISHED);
    }
  }

  private void ensureRunning() {
    if (ended.get() != null) {
      throw new IllegalStateException("run " + runId + " has ended (" + ended.get() + "); start a new run");
    }
  }

  private Path artifactTarget(String relativePath) {
    List<String> segments = RunDataRules.checkArtifactPath(relativePath);
    Path target = artifactsDir;
    for (String s : segments) {
      target = target.resolve(s);
    }
    target = target.normalize();
    if (!target.startsWith(artifactsDir) || target.equals(artifactsDir)) {
      throw new IllegalArgumentException("artifact path '" + relativePath + "' escapes the run's artifact directory");
    }
    return target;
  }
}
