package dev.mlops.core.experiments.filter;

import dev.mlops.experiments.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed MLflow {@code order_by}: clauses such as {@code metrics.rmse ASC} or
 * {@code attributes.start_time DESC} (ASC when the direction is left out). Runs lacking the key
 * come last in either direction; NaN sorts above every number. Ties, and an empty ordering, fall
 * back to MLflow's default: start time newest first, then run id. Immutable and thread-safe.
 */
public final class RunOrder implements Comparator<RunRecord> {
  private static final Comparator<RunRecord> DEFAULT =
      Comparator.comparing((RunRecord r) -> r.startTime()).reversed().thenComparing(RunRecord::runId);

  private final Comparator<RunRecord> comparator;

  private RunOrder(Comparator<RunRecord> comparator) {
    this.comparator = comparator;
  }

  /**
   * Parses order-by clauses.
   *
   * @throws IllegalArgumentException naming the position if a clause does not parse
   */
  public static RunOrder parse(List<String> orderBy) {
    Objects.requireNonNull(orderBy, "orderBy");
    List<Comparator<RunRecord>> parts = new ArrayList<>();
    for (String clause : orderBy) {
      ExpressionReader r = new ExpressionReader(Objects.requireNonNull(clause, "orderBy clause"));
      SearchKey key = r.identifier();
      if (key.entity() == SearchKey.Entity.DATASET) {
        throw r.error("runs cannot be ordered by datasets");
      }
      boolean descending = false;
      if (r.keyword("DESC")) {
        descending = true;
      } else if (!r.keyword("ASC") && !r.atEnd()) {
        throw r.error("expected ASC, DESC or the end of the clause");
      }
      if (!r.atEnd()) {
        throw r.error("expected the end of the clause");
      }
      parts.add(key.numeric() ? byNumber(key, descending) : byText(key, descending));
    }
    Comparator<RunRecord> c = parts.stream().reduce(Comparator::thenComparing).orElse((a, b) -> 0);
    return new RunOrder(c.thenComparing(DEFAULT));
  }

  @Override
  public int compare(RunRecord a, RunRecord b) {
    return comparator.compare(a, b);
  }

  private static Comparator<RunRecord> byNumber(SearchKey key, boolean descending) {
    return (a, b) -> missingLast(key.number(a), key.number(b), descending);
  }

  private static Comparator<RunRecord> byText(SearchKey key, boolean descending) {
    return (a, b) -> missingLast(key.text(a), key.text(b), descending);
  }

  private static <T extends Comparable<T>> int missingLast(Optional<T> a, Optional<T> b, boolean descending) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    int c = a.get().compareTo(b.get());
    return descending ? -c : c;
  }
}
