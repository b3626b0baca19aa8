package dev.mlops.monitoring;

import java.util.OptionalDouble;

/**
 * Totals on one input feature since the monitor was created.
 *
 * <p>Immutable and thread-safe.
 *
 * @param missing requests where it was absent, null or NaN
 * @param outOfSpec present values outside the spec
 * @param unknownCategories values outside a categorical feature's domain
 * @param meanTextLength mean length of a text or categorical feature's present values; empty for
 *     other types or before any value
 */
public record FeatureStats(
    long missing, long outOfSpec, long unknownCategories, OptionalDouble meanTextLength) {}
