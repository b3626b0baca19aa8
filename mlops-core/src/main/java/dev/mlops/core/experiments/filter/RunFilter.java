package dev.mlops.core.experiments.filter;

import dev.mlops.experiments.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A parsed run filter in MLflow's search syntax: clauses joined by {@code AND}, each
 * {@code <entity>.<key> <operator> <value>}.
 *
 * <ul>
 *   <li>{@code metrics.<key>} and {@code attributes.start_time|end_time} compare numbers with
 *       {@code = != < <= > >=} (the metric's latest value; runs without it never match);
 *   <li>{@code params.}, {@code tags.}, {@code attributes.run_id|run_name|status} and
 *       {@code datasets.name|digest|context} compare quoted strings with {@code = != LIKE ILIKE
 *       IN NOT IN}; a dataset clause matches if any input of the run matches;
 *   <li>keys with spaces, '-' or other characters go in backticks or double quotes
 *       ({@code metrics.`f1 score`}); bare keys may contain dots ({@code tags.mlflow.user});
 *   <li>strings use single or double quotes; a doubled quote or a backslash escapes a quote;
 *   <li>{@code LIKE} uses {@code %} and {@code _} wildcards and is case-sensitive, {@code ILIKE}
 *       is not; keywords are case-insensitive. {@code OR} and parentheses are not part of
 *       MLflow's syntax and are rejected.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class RunFilter implements Predicate<RunRecord> {
  private static final RunFilter ALL = new RunFilter("", List.of());

  private final String text;
  private final List<Predicate<RunRecord>> clauses;

  private RunFilter(String text, List<Predicate<RunRecord>> clauses) {
    this.text = text;
    this.clauses = List.copyOf(clauses);
  }

  /**
   * Parses a filter; blank matches every run.
   *
   * @throws IllegalArgumentException naming the position and what was expected if it does not
   *     parse
   */
  public static RunFilter parse(String filter) {
    Objects.requireNonNull(filter, "filter");
    if (filter.isBlank()) {
      return ALL;
    }
    ExpressionReader r = new ExpressionReader(filter);
    List<Predicate<RunRecord>> clauses = new ArrayList<>();
    do {
      clauses.add(clause(r));
      if (r.atEnd()) {
        break;
      }
      if (!r.keyword("AND")) {
        r.peek();
        int at = r.position();
        if (r.keyword("OR")) {
          throw FilterSyntax.error(filter, at, "OR is not supported (MLflow filters join clauses with AND only)");
        }
        throw r.error("expected AND or the end of the filter");
      }
    } while (true);
    return new RunFilter(filter, clauses);
  }

  /** Returns whether the run matches every clause. */
  @Override
  public boolean test(RunRecord run) {
    for (Predicate<RunRecord> c : clauses) {
      if (!c.test(run)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  private static Predicate<RunRecord> clause(ExpressionReader r) {
    SearchKey key = r.identifier();
    r.peek(); // skip spaces so errors point at the operator
    int opPosition = r.position();
    String op = r.operator();
    if (key.numeric()) {
      if (!(op.equals("=") || op.equals("!=") || op.startsWith("<") || op.startsWith(">"))) {
        throw FilterSyntax.error(r.input(), opPosition, "operator " + op + " is not allowed for "
            + key.entity().name().toLowerCase(Locale.ROOT) + " '" + key.key()
            + "'; numeric keys take =, !=, <, <=, >, >=");
      }
      double value = r.number();
      return run -> key.number(run).filter(v -> compare(op, v, value)).isPresent();
    }
    if (op.startsWith("<") || op.startsWith(">")) {
      throw FilterSyntax.error(r.input(), opPosition, "operator " + op + " is not allowed for '"
          + key.key() + "'; string keys take =, !=, LIKE, ILIKE, IN, NOT IN");
    }
    Predicate<String> match = stringMatch(r, op);
    if (key.entity() == SearchKey.Entity.DATASET) {
      return run -> run.inputs().stream().anyMatch(i -> match.test(SearchKey.datasetField(i, key.key())));
    }
    return run -> {
      Optional<String> v = key.text(run);
      return v.isPresent() && match.test(v.get());
    };
  }

  private static Predicate<String> stringMatch(ExpressionReader r, String op) {
    switch (op) {
      case "=": {
        String value = r.string();
        return value::equals;
      }
      case "!=": {
        String value = r.string();
        return v -> !v.equals(value);
      }
      case "LIKE":
      case "ILIKE": {
        Pattern p = likePattern(r.string(), op.equals("ILIKE"));
        return v -> p.matcher(v).matches();
      }
      default: {
        List<String> values = new ArrayList<>();
        r.expect('(');
        do {
          values.add(r.string());
        } while (consumeComma(r));
        r.expect(')');
        boolean negate = op.equals("NOT IN");
        return v -> values.contains(v) != negate;
      }
    }
  }

  private static boolean consumeComma(ExpressionReader r) {
    if (r.peek() == ',') {
      r.expect(',');
      return true;
    }
    return false;
  }

  private static boolean compare(String op, double actual, double expected) {
    return switch (op) {
      case "=" -> actual == expected;
      case "!=" -> actual != expected;
      case "<" -> actual < expected;
      case "<=" -> actual <= expected;
      case ">" -> actual > expected;
      default -> actual >= expected;
    };
  }

  /** SQL LIKE: '%' any run, '_' one character, everything else literal. */
  static Pattern likePattern(String like, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : like.toCharArray()) {
      if (c == '%' || c == '_') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return Pattern.compile(regex.toString(), flags);
  }
}
