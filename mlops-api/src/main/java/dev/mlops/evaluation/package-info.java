/**
 * Model evaluation vocabulary: metric values with an explicit status (so an undefined ROC-AUC is
 * never a NaN that looks like a number), classification and regression reports, slice results,
 * error groups, baseline comparisons and the prioritization table of the error-analysis loop.
 *
 * <p>Every type here is an immutable value and thread-safe. The computations live in
 * {@code dev.mlops.core.evaluation}.
 */
package dev.mlops.evaluation;
