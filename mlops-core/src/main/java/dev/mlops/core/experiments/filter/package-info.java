/**
 * MLflow's run search syntax: {@link dev.mlops.core.experiments.filter.RunFilter} parses filter
 * strings, {@link dev.mlops.core.experiments.filter.RunOrder} order-by clauses. Both backends of
 * the tracker use them; the MLflow backend also checks filters locally before sending them.
 */
package dev.mlops.core.experiments.filter;
