package dev.mlops.core.experiments.filter;

/** Builds the parse errors of filters and orderings, naming the position and the input. */
final class FilterSyntax {
  private FilterSyntax() {}

  static IllegalArgumentException error(String input, int position, String problem) {
    return new IllegalArgumentException(
        "invalid search expression at position " + position + ": " + problem + " (in: " + input + ")");
  }
}
