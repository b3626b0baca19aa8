/**
 * The MLflow REST backend: {@link dev.mlops.core.experiments.mlflow.MlflowTracker} logs to an
 * MLflow tracking server over REST API 2.0 with {@code java.net.http} and Jackson, and
 * {@link dev.mlops.core.experiments.mlflow.MlflowSync} pushes runs recorded offline.
 */
package dev.mlops.core.experiments.mlflow;
