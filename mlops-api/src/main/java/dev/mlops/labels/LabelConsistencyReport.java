package dev.mlops.labels;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link LabelConsistencyChecker#check}: counts, the agreement statistics, the
 * items and label pairs annotators disagree on, consensus labels and human-level performance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the measurement level used
 * @param items distinct items
 * @param annotators distinct annotators
 * @param ratings annotations analysed
 * @param percentAgreement mean over items rated at least twice of the share of agreeing annotator
 *     pairs (Fleiss' P-bar)
 * @param krippendorffAlpha Krippendorff's alpha at {@code level}, missing ratings allowed
 * @param fleissKappa Fleiss' kappa; undefined unless every item has the same number of ratings
 * @param cohenKappa Cohen's kappa; defined for exactly two annotators
 * @param pairwise Cohen's kappas of every annotator pair, sorted by annotator ids
 * @param annotatorStats per annotator, sorted by id
 * @param hlp human-level performance with its bootstrap interval
 * @param disagreements the items with the highest vote entropy, most disagreement first
 * @param confusions the label pairs swapped most often, most frequent first
 * @param consensus the consensus label of every item, sorted by item id
 * @param notes data problems that did not stop the analysis (items rated once, one annotator)
 */
public record LabelConsistencyReport(
    MeasurementLevel level,
    int items,
    int annotators,
    long ratings,
    Agreement percentAgreement,
    Agreement krippendorffAlpha,
    Agreement fleissKappa,
    Agreement cohenKappa,
    List<PairwiseAgreement> pairwise,
    List<AnnotatorStats> annotatorStats,
    HumanLevelPerformance hlp,
    List<Disagreement> disagreements,
    List<LabelConfusion> confusions,
    List<ConsensusLabel> consensus,
    List<String> notes) {

  /** Checks arguments and copies the lists. */
  public LabelConsistencyReport {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(percentAgreement, "percentAgreement");
    Objects.requireNonNull(krippendorffAlpha, "krippendorffAlpha");
    Objects.requireNonNull(fleissKappa, "fleissKappa");
    Objects.requireNonNull(cohenKappa, "cohenKappa");
    pairwise = List.copyOf(Objects.requireNonNull(pairwise, "pairwise"));
    annotatorStats = List.copyOf(Objects.requireNonNull(annotatorStats, "annotatorStats"));
    Objects.requireNonNull(hlp, "hlp");
    disagreements = List.copyOf(Objects.requireNonNull(disagreements, "disagreements"));
    confusions = List.copyOf(Objects.requireNonNull(confusions, "confusions"));
    consensus = List.copyOf(Objects.requireNonNull(consensus, "consensus"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }
}
