package dev.mlops.core.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Column;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.TimestampColumn;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a BOOLEAN or TIMESTAMP feature. A column of the native type only needs its presence (and,
 * for booleans, its domain) checked; another column is parsed value by value ({@code true} /
 * {@code false} in any case, ISO-8601 instants) and each value that does not parse is a
 * {@link ViolationKind#WRONG_TYPE} violation at its row.
 */
final class ParsedCheck extends FeatureCheck {
  private final boolean bool;
  private final Set<String> domain;
  private final String domainText;

  ParsedCheck(FeatureSpec spec, DatasetSpec dataset, int maxExamples) {
    super(spec, dataset, maxExamples);
    bool = spec.type() == FeatureType.BOOLEAN;
    CategoricalDomain d = spec.domain().orElse(null);
    domain = d == null ? null : Set.copyOf(d.values());
    domainText = d == null ? "" : "one of " + d.values();
  }

  private String expectedType() {
    return bool ? "true or false" : "an ISO-8601 instant such as 2024-01-31T12:00:00Z";
  }

  /** Returns the canonical text of a valid value, or {@code null} if it does not parse. */
  private String canonical(String text) {
    String t = text.strip();
    if (bool) {
      String lower = t.toLowerCase(Locale.ROOT);
      return lower.equals("true") || lower.equals("false") ? lower : null;
    }
    try {
      return Instant.parse(t).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  long checkValues(Column column, List<Violation> out) {
    boolean nativeType = bool ? column instanceof BooleanColumn : column instanceof TimestampColumn;
    if (nativeType && domain == null) {
      return column.missingCount();
    }
    CategoricalColumn cat = Values.asCategorical(column);
    List<String> categories = cat.categories();
    boolean[] wrong = new boolean[categories.size()];
    boolean[] outside = new boolean[categories.size()];
    for (int c = 0; c < wrong.length; c++) {
      String canonical = nativeType ? categories.get(c) : canonical(categories.get(c));
      wrong[c] = canonical == null;
      outside[c] = canonical != null && domain != null && !domain.contains(canonical);
    }
    long missing = 0;
    Finding wrongType = null;
    Finding unknown = null;
    for (int r = 0; r < cat.size(); r++) {
      int c = cat.code(r);
      if (c < 0) {
        missing++;
      } else if (wrong[c]) {
        wrongType = wrongType == null
            ? finding(ViolationKind.WRONG_TYPE, expectedType()) : wrongType;
        wrongType.add(r, categories.get(c));
      } else if (outside[c]) {
        unknown = unknown == null ? finding(ViolationKind.UNKNOWN_CATEGORY, domainText) : unknown;
        unknown.add(r, categories.get(c));
      }
    }
    if (wrongType != null) {
      out.add(wrongType.toViolation(wrongType.count() + " values do not parse as "
          + spec.type() + " (column holds " + column.type() + ")"));
    }
    if (unknown != null) {
      out.add(unknown.toViolation(unknown.count() + " values outside the domain"));
    }
    return missing;
  }

  @Override
  RecordFindings checkValue(Object value, RecordFindings out) {
    if (value == null || (value instanceof Double d && d.isNaN())) {
      return missingValue(out);
    }
    String canonical;
    if (bool && value instanceof Boolean b) {
      canonical = b ? "true" : "false";
    } else if (!bool && value instanceof Instant) {
      canonical = "";
    } else if (value instanceof String s) {
      canonical = canonical(s);
    } else {
      canonical = null;
    }
    if (canonical == null) {
      out = RecordFindings.add(out, name, ViolationKind.WRONG_TYPE, value, expectedType(),
          value.getClass().getSimpleName() + " " + value);
    } else if (bool && domain != null && !domain.contains(canonical)) {
      out = RecordFindings.add(out, name, ViolationKind.UNKNOWN_CATEGORY, canonical, domainText,
          canonical);
    }
    return out;
  }
}
