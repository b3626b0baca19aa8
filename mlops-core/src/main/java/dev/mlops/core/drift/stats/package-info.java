/**
 * Two-sample statistical tests and distances used by drift detection, each reproducing the
 * numbers of scipy 1.10 (named in each class) on finite, primitive samples: sort-based, no
 * boxing, stateless and thread-safe.
 */
package dev.mlops.core.drift.stats;
