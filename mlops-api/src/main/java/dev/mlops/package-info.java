/**
 * The mlops-java API: the vocabulary every module speaks, and the root of the SDK's exception
 * hierarchy ({@link dev.mlops.MlopsException}).
 *
 * <p>Sub-packages follow the lifecycle: {@code scoping} (what good means), {@code data}
 * (datasets, specs, validation), {@code labels} (label consistency, human-level performance),
 * {@code model} (models and predictions), {@code experiments} (tracking), {@code deployment}
 * (routing between model versions) and {@code drift} (data and concept drift). This module depends
 * on {@code java.base} only.
 */
package dev.mlops;
