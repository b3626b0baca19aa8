package dev.mlops.core.experiments.mlflow;

import dev.mlops.StoreException;

/**
 * Values logged to an MLflow run could not be delivered; says exactly how many. Either they are
 * {@linkplain #kept() kept} in memory (the server was unreachable or kept failing after every
 * retry): the run stays RUNNING on the server and the next {@code flush()} or {@code end()}
 * sends them again; or the server rejected them for good, and the run was ended as FAILED with
 * the tag {@value #UNSENT_POINTS_TAG} so that it never shows FINISHED with a hole. The cause is
 * the last error of the server or the connection. Immutable and thread-safe.
 */
public final class MlflowUnsentDataException extends StoreException {
  /** Tag set on a run that ended without some of its metric points: their count. */
  public static final String UNSENT_POINTS_TAG = "mlops.unsent_metric_points";

  private static final long serialVersionUID = 1L;

  private final String runId;
  private final long metricPoints;
  private final int params;
  private final int tags;
  private final boolean kept;

  MlflowUnsentDataException(String location, String runId, long metricPoints, int params, int tags, boolean kept,
      Throwable cause) {
    super(location, message(runId, metricPoints, params, tags, kept, cause), cause);
    this.runId = runId;
    this.metricPoints = metricPoints;
    this.params = params;
    this.tags = tags;
    this.kept = kept;
  }

  private static String message(String runId, long points, int params, int tags, boolean kept, Throwable cause) {
    String what = points + " metric point(s), " + params + " param(s) and " + tags + " tag(s) of run " + runId;
    String why = cause == null ? "" : " (" + cause.getMessage() + ")";
    return kept
        ? what + " are not on the server yet" + why + "; they are kept in memory and sent by the next flush() or"
            + " end(); the run stays RUNNING on the server until then"
        : what + " were rejected by the server" + why + "; the run was ended as FAILED with tag "
            + UNSENT_POINTS_TAG + "=" + points;
  }

  /** Returns the run concerned. */
  public String runId() {
    return runId;
  }

  /** Returns the number of metric points not on the server. */
  public long metricPoints() {
    return metricPoints;
  }

  /** Returns the number of params not on the server. */
  public int params() {
    return params;
  }

  /** Returns the number of tags not on the server. */
  public int tags() {
    return tags;
  }

  /** Returns true when the values are kept and will be sent again, false when they were rejected. */
  public boolean kept() {
    return kept;
  }
}
