package dev.mlops.core.data;

import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Violations of one record. A check receives {@code null} while the record is valid and creates
 * the findings with its first violation, so a valid record allocates nothing. Not thread-safe;
 * confined to one validation call.
 */
final class RecordFindings {
  private final List<Violation> violations = new ArrayList<>(2);

  private RecordFindings() {}

  /** Adds a violation to {@code findings}, creating them when {@code null}; returns them. */
  static RecordFindings add(RecordFindings findings, String feature, ViolationKind kind,
      Object value, String expected, String actual) {
    RecordFindings f = findings == null ? new RecordFindings() : findings;
    String shown = value == null ? Values.MISSING : value.toString();
    f.violations.add(
        new Violation(feature, kind, 1, List.of(0L), List.of(shown), expected, actual));
    return f;
  }

  List<Violation> violations() {
    return violations;
  }
}
