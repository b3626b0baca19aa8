package dev.mlops.experiments;

import dev.mlops.StoreException;
import dev.mlops.data.DatasetVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A run being recorded. Closing it ends it as {@link RunStatus#FINISHED} unless
 * {@link #end(RunStatus)} was called first, so try-with-resources records a normal run.
 *
 * <p>Implementations are thread-safe: several threads of one training job may log to one run.
 */
public interface ActiveRun extends AutoCloseable {

  /** Returns the run's id. */
  String runId();

  /**
   * Records a hyperparameter. Params are write-once: logging the same value again is fine, a
   * different value is an error.
   *
   * @throws IllegalArgumentException if the key or value breaks the naming or length rules, or
   *     the param already has a different value
   */
  ActiveRun logParam(String key, String value);

  /**
   * Records a metric value at a step.
   *
   * @throws IllegalArgumentException if the key breaks the naming rules
   */
  ActiveRun logMetric(String key, double value, long step);

  /** Records a metric value at step 0. */
  default ActiveRun logMetric(String key, double value) {
    return logMetric(key, value, 0);
  }

  /**
   * Sets a tag; tags may be overwritten.
   *
   * @throws IllegalArgumentException if the key or value breaks the naming or length rules
   */
  ActiveRun setTag(String key, String value);

  /**
   * Records a dataset the run used.
   *
   * @param dataset the dataset's identity
   * @param context how it was used, e.g. "training" or "evaluation"
   */
  ActiveRun logInput(DatasetVersion dataset, String context);

  /**
   * Stores bytes as an artifact under the run.
   *
   * @param relativePath where under the run's artifact root, with '/' separators
   * @throws IllegalArgumentException if the path is absolute or escapes the run (e.g. "..")
   */
  ActiveRun logArtifact(String relativePath, byte[] content);

  /**
   * Copies a file as an artifact under the run. The default reads the file into memory and calls
   * {@link #logArtifact(String, byte[])}; the embedded store streams it instead.
   *
   * @param relativePath where under the run's artifact root, with '/' separators
   * @param file the file to copy
   * @throws IllegalArgumentException if the path is absolute or escapes the run
   * @throws StoreException if the file cannot be read or stored
   */
  default ActiveRun logArtifact(String relativePath, Path file) {
    Objects.requireNonNull(file, "file");
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot read the artifact file: " + e, e);
    }
    return logArtifact(relativePath, content);
  }

  /** Ends the run with a status; idempotent for the same status. */
  void end(RunStatus status);

  /** Ends the run as {@link RunStatus#FINISHED} unless it already ended. */
  @Override
  void close();
}
