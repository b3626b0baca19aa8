package dev.mlops.core.data;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Column;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.List;
import java.util.Set;

/**
 * Checks a CATEGORICAL or TEXT feature: domain (with its tolerated share) and length. Any column
 * type is accepted through the text form of its values (a number 3 is the category "3"). The
 * rules are evaluated once per distinct value, then applied per row through the dictionary codes.
 */
final class StringCheck extends FeatureCheck {
  private final Set<String> domain;
  private final double minShareInDomain;
  private final LengthBounds length;
  private final String domainText;
  private final String lengthText;

  StringCheck(FeatureSpec spec, DatasetSpec dataset, int maxExamples) {
    super(spec, dataset, maxExamples);
    CategoricalDomain d = spec.domain().orElse(null);
    domain = d == null ? null : Set.copyOf(d.values());
    minShareInDomain = d == null ? 0 : d.minShareInDomain();
    domainText = d == null ? "" : "one of " + shortList(d.values())
        + (minShareInDomain < 1 ? " for at least " + minShareInDomain + " of values" : "");
    length = spec.length().orElse(null);
    lengthText = length == null ? "" : "length in [" + length.min() + ", " + length.max() + "]";
  }

  private static String shortList(List<String> values) {
    int shown = 20;
    return values.size() <= shown
        ? values.toString()
        : values.subList(0, shown) + " and " + (values.size() - shown) + " more";
  }

  @Override
  long checkValues(Column column, List<Violation> out) {
    CategoricalColumn cat = Values.asCategorical(column);
    List<String> categories = cat.categories();
    boolean[] outside = new boolean[categories.size()];
    boolean[] badLength = new boolean[categories.size()];
    boolean anyRule = false;
    for (int c = 0; c < outside.length; c++) {
      String v = categories.get(c);
      outside[c] = domain != null && !domain.contains(v);
      badLength[c] = length != null && (v.length() < length.min() || v.length() > length.max());
      anyRule |= outside[c] || badLength[c];
    }
    int n = cat.size();
    long missing = 0;
    Finding unknown = null;
    Finding wrongLength = null;
    for (int r = 0; r < n; r++) {
      int c = cat.code(r);
      if (c < 0) {
        missing++;
      } else if (anyRule) {
        if (outside[c]) {
          unknown = unknown == null ? finding(ViolationKind.UNKNOWN_CATEGORY, domainText) : unknown;
          unknown.add(r, categories.get(c));
        }
        if (badLength[c]) {
          wrongLength = wrongLength == null
              ? finding(ViolationKind.LENGTH_OUT_OF_RANGE, lengthText) : wrongLength;
          wrongLength.add(r, categories.get(c));
        }
      }
    }
    long present = n - missing;
    if (unknown != null) {
      double share = (present - unknown.count()) / (double) present;
      if (share < minShareInDomain) {
        out.add(unknown.toViolation(unknown.count() + " of " + present
            + " values outside the domain (share in domain " + share + ")"));
      }
    }
    if (wrongLength != null) {
      out.add(wrongLength.toViolation(wrongLength.count() + " of " + present
          + " values with a length outside the bounds"));
    }
    return missing;
  }

  @Override
  RecordFindings checkValue(Object value, RecordFindings out) {
    if (value == null || (value instanceof Double d && d.isNaN())) {
      return missingValue(out);
    }
    String s = value instanceof String text
        ? text
        : value instanceof Double d ? Values.format(d) : value.toString();
    // A single record cannot tell a tolerated share, so only a strict domain is checked here.
    if (domain != null && minShareInDomain >= 1 && !domain.contains(s)) {
      out = RecordFindings.add(out, name, ViolationKind.UNKNOWN_CATEGORY, s, domainText,
          "'" + s + "'");
    }
    if (length != null && (s.length() < length.min() || s.length() > length.max())) {
      out = RecordFindings.add(out, name, ViolationKind.LENGTH_OUT_OF_RANGE, s, lengthText,
          "length " + s.length());
    }
    return checkLabelValue(s, out);
  }
}
