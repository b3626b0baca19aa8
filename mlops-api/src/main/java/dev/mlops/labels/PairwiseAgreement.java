package dev.mlops.labels;

import java.util.Objects;

/**
 * Cohen's kappa of one pair of annotators over the items both rated. Weights use the rank of each
 * label among the labels the pair used (as scikit-learn's {@code cohen_kappa_score} does); the
 * weighted kappas are undefined at the nominal level, where labels have no order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param annotatorA the first annotator (ids sorted)
 * @param annotatorB the second annotator
 * @param itemsInCommon items rated by both
 * @param kappa unweighted kappa
 * @param linearKappa kappa with linear weights {@code |i - j|}
 * @param quadraticKappa kappa with quadratic weights {@code (i - j)^2}
 */
public record PairwiseAgreement(
    String annotatorA,
    String annotatorB,
    int itemsInCommon,
    Agreement kappa,
    Agreement linearKappa,
    Agreement quadraticKappa) {

  /** Checks arguments. */
  public PairwiseAgreement {
    Objects.requireNonNull(annotatorA, "annotatorA");
    Objects.requireNonNull(annotatorB, "annotatorB");
    Objects.requireNonNull(kappa, "kappa");
    Objects.requireNonNull(linearKappa, "linearKappa");
    Objects.requireNonNull(quadraticKappa, "quadraticKappa");
  }
}
