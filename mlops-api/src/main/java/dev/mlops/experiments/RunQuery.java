package dev.mlops.experiments;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run search in MLflow's terms: experiments, a filter string, an ordering and one page.
 * Immutable and thread-safe.
 *
 * @param experimentNames experiments to search; empty searches every experiment of the store
 * @param filter an MLflow-syntax filter such as {@code "metrics.rmse < 1 and params.model =
 *     'tree'"}; empty matches every run
 * @param orderBy clauses such as {@code "metrics.rmse ASC"}; empty orders by start time,
 *     newest first (MLflow's default)
 * @param maxResults the most runs in one page, 1 to {@value #MAX_RESULTS_LIMIT}
 * @param pageToken the token of the page to read, from {@link RunPage#nextPageToken()}; empty for
 *     the first page
 */
public record RunQuery(
    List<String> experimentNames,
    String filter,
    List<String> orderBy,
    int maxResults,
    Optional<String> pageToken) {

  /** Default page size: {@value} (MLflow's {@code SEARCH_MAX_RESULTS_DEFAULT}). */
  public static final int DEFAULT_MAX_RESULTS = 1000;

  /** Largest page: {@value} (MLflow's {@code SEARCH_MAX_RESULTS_THRESHOLD}). */
  public static final int MAX_RESULTS_LIMIT = 50_000;

  /** Copies the lists and checks arguments. */
  public RunQuery {
    experimentNames = List.copyOf(experimentNames);
    Objects.requireNonNull(filter, "filter");
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(pageToken, "pageToken");
    if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxResults must be in [1, " + MAX_RESULTS_LIMIT + "], was " + maxResults);
    }
  }

  /** Returns the first page of a search with the default page size. */
  public static RunQuery of(List<String> experimentNames, String filter, List<String> orderBy) {
    return new RunQuery(experimentNames, filter, orderBy, DEFAULT_MAX_RESULTS, Optional.empty());
  }

  /** Returns the same search for the page with the given token. */
  public RunQuery page(String token) {
    return new RunQuery(experimentNames, filter, orderBy, maxResults, Optional.of(token));
  }

  /** Returns the same search with another page size. */
  public RunQuery maxResults(int newMaxResults) {
    return new RunQuery(experimentNames, filter, orderBy, newMaxResults, pageToken);
  }
}
