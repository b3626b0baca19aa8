package dev.mlops.cli.dashboard;

import java.util.List;

/**
 * The Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito, "Color Universal Design", 2008), in
 * the order series take them. Constants only; thread-safe.
 */
final class Palette {
  static final String BLUE = "#0072B2";
  static final String ORANGE = "#E69F00";
  static final String BLUISH_GREEN = "#009E73";
  static final String VERMILLION = "#D55E00";
  static final String SKY_BLUE = "#56B4E9";
  static final String REDDISH_PURPLE = "#CC79A7";
  static final String YELLOW = "#F0E442";
  static final String BLACK = "#000000";
  static final String GREY = "#6B6B6B";

  /** Series colours in order; yellow last, as it is weakest on white. */
  static final List<String> SERIES =
      List.of(BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, BLACK, YELLOW);

  private Palette() {}

  static String series(int i) {
    return SERIES.get(i % SERIES.size());
  }
}
