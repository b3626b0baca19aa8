/**
 * Profiles: compact, mergeable summaries of a dataset or a stream ({@link
 * dev.mlops.profile.DatasetProfile}), one {@link dev.mlops.profile.ColumnProfile} per column —
 * exact counts, moments and a quantile sketch for numbers ({@link
 * dev.mlops.profile.NumericProfile}), frequent items and an approximate distinct count for
 * categories ({@link dev.mlops.profile.CategoricalProfile}). Profiles built by many instances
 * merge into one; drift can be computed between two profiles without the raw data. Builders,
 * serialization and profile-vs-profile drift live in {@code dev.mlops.core.profile}.
 */
package dev.mlops.profile;
