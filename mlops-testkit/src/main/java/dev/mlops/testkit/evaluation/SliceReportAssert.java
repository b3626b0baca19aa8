package dev.mlops.testkit.evaluation;

import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import dev.mlops.evaluation.SliceStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link SliceReport}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(SliceReport)}:
 *
 * <pre>{@code
 * assertThat(slices).flaggedSlices("country=FR")
 *     .slice("country=DE").isOk().hasMetricAtLeast(0.8);
 * }</pre>
 *
 * <p>"Flagged" is {@link SliceStatus#SIGNIFICANTLY_WORSE}; the metric is the report's one
 * ({@link SliceReport#metric()}). Not thread-safe (one per assertion chain).
 */
public final class SliceReportAssert extends AbstractAssert<SliceReportAssert, SliceReport> {

  /** Creates assertions on {@code actual}. */
  public SliceReportAssert(SliceReport actual) {
    super(actual, SliceReportAssert.class);
  }

  /** Verifies that no slice is significantly worse than the whole. */
  public SliceReportAssert hasNoFlaggedSlice() {
    return flaggedSlices();
  }

  /** Verifies that exactly these slices are significantly worse than the whole, in any order. */
  public SliceReportAssert flaggedSlices(String... expected) {
    isNotNull();
    Set<String> want = new TreeSet<>(List.of(expected));
    Set<String> flagged = new TreeSet<>();
    actual.flagged().forEach(s -> flagged.add(s.name()));
    if (!flagged.equals(want)) {
      failWithMessage("Expected flagged slices %s but they are %s%n%s", want, flagged, describe());
    }
    return this;
  }

  /** Starts assertions on the slice named {@code name}. */
  public SliceAssert slice(String name) {
    isNotNull();
    Optional<SliceResult> s = actual.slices().stream().filter(r -> r.name().equals(name)).findFirst();
    if (s.isEmpty()) {
      failWithMessage("Expected the report to have slice '%s' but it has %s", name,
          actual.slices().stream().map(SliceResult::name).toList());
    }
    return new SliceAssert(s.orElseThrow());
  }

  private String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("  overall ").append(actual.metric()).append(' ').append(actual.overall())
        .append(System.lineSeparator());
    for (SliceResult s : actual.slices()) {
      sb.append("  ").append(s.name()).append(" n=").append(s.size()).append(' ')
          .append(actual.metric()).append(' ').append(s.metric()).append(' ').append(s.status())
          .append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** AssertJ assertions on one slice. Not thread-safe. */
  public final class SliceAssert extends AbstractAssert<SliceAssert, SliceResult> {
    private SliceAssert(SliceResult actual) {
      super(actual, SliceAssert.class);
    }

    /** Verifies the slice's status. */
    public SliceAssert hasStatus(SliceStatus expected) {
      if (actual.status() != expected) {
        failWithMessage("Expected slice '%s' to be %s but it is %s (%s %s, n=%d)", actual.name(), expected,
            actual.status(), SliceReportAssert.this.actual.metric(), actual.metric(), actual.size());
      }
      return this;
    }

    /** Verifies that the slice was tested and is not significantly worse than the whole. */
    public SliceAssert isOk() {
      return hasStatus(SliceStatus.OK);
    }

    /** Verifies that the slice is significantly worse than the whole. */
    public SliceAssert isFlagged() {
      return hasStatus(SliceStatus.SIGNIFICANTLY_WORSE);
    }

    /** Verifies that the slice's metric is defined and at least {@code floor}. */
    public SliceAssert hasMetricAtLeast(double floor) {
      Metrics.checkFloor(floor);
      if (!Metrics.atLeast(actual.metric(), floor)) {
        failWithMessage("Expected %s of slice '%s' at least %s but it was %s (n=%d)",
            SliceReportAssert.this.actual.metric(), actual.name(), floor, actual.metric(), actual.size());
      }
      return this;
    }

    /** Returns to the whole report. */
    public SliceReportAssert report() {
      return SliceReportAssert.this;
    }
  }
}
