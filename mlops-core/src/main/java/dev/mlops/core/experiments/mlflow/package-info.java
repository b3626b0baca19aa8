/**
 * The MLflow REST backend: {@link dev.mlops.core.experiments.mlflow.MlflowTracker} logs to an
 * MLflow tracking server over REST API 2.0 with {@code java.net.http} and Jackson, and
 * {@link dev.mlops.core.experiments.mlflow.MlflowSync} pushes runs recorded offline, and
 * {@link dev.mlops.core.experiments.mlflow.MlflowModelRegistry} resolves and moves Model Registry
 * aliases ({@link dev.mlops.core.experiments.mlflow.MlflowPromotion} on a rollout's promotion).
 */
package dev.mlops.core.experiments.mlflow;
