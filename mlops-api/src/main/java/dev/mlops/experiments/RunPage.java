package dev.mlops.experiments;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of search results. Immutable and thread-safe.
 *
 * @param runs the matching runs of this page, in the requested order
 * @param nextPageToken the token for the next page; empty on the last page
 */
public record RunPage(List<RunRecord> runs, Optional<String> nextPageToken) {
  /** Copies the list and checks arguments. */
  public RunPage {
    runs = List.copyOf(runs);
    Objects.requireNonNull(nextPageToken, "nextPageToken");
  }
}
