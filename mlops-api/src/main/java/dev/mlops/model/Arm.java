package dev.mlops.model;

/** Which model of a deployment served a request. An enum: immutable and thread-safe. */
public enum Arm {
  /** The model in production, whose answer the caller gets. */
  PRIMARY,
  /** A model on trial (canary, A/B): its answer goes to the callers routed to it. */
  CANDIDATE,
  /** A model run on a copy of the traffic; its answer is observed and never returned. */
  SHADOW
}
