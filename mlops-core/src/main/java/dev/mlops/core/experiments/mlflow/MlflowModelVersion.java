package dev.mlops.core.experiments.mlflow;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A registered model version an alias resolved to, with its artifacts downloaded: load
 * {@link #artifacts()} (e.g. its {@code model.onnx}) as the rollout's primary or candidate.
 * Immutable and thread-safe.
 *
 * @param model the registered model's name
 * @param alias the alias it was resolved through, e.g. {@code champion}
 * @param version the version number MLflow assigned, e.g. {@code "3"}
 * @param runId the run that produced it; empty when the version was registered without one
 * @param artifactUri where the server stores the version's artifacts
 *     ({@code model-versions/get-download-uri})
 * @param artifacts the local directory holding the downloaded artifacts
 */
public record MlflowModelVersion(
    String model, String alias, String version, String runId, String artifactUri, Path artifacts) {

  /** Checks arguments. */
  public MlflowModelVersion {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(artifactUri, "artifactUri");
    Objects.requireNonNull(artifacts, "artifacts");
  }
}
