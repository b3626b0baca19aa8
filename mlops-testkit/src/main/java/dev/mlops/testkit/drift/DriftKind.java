package dev.mlops.testkit.drift;

/** What changes in a {@link DriftScenario}. An enum: immutable and thread-safe. */
public enum DriftKind {
  /** The nothing-changes control: no drift anywhere. */
  NONE,
  /** Covariate shift: a feature's distribution moves; the labelling rule stays. */
  COVARIATE,
  /** Prior (label) shift: the class shares change; each class's features stay. */
  PRIOR,
  /** Concept shift: the same inputs, a changed labelling rule. */
  CONCEPT,
  /** A burst of missing values in a feature. */
  MISSING_BURST,
  /** A category never seen before appears in a categorical feature. */
  NEW_CATEGORY
}
