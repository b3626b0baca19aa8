package dev.mlops.cli.evaluate;

import dev.mlops.evaluation.BaselineComparison;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.LongTailReport;
import dev.mlops.evaluation.PrioritizationTable;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceReport;
import java.util.Optional;

/** Everything one {@code evaluate} run computed, for the text, JSON and HTML renderers. */
record EvaluationResult(
    String source,
    Optional<ClassificationReport> classification,
    Optional<RegressionReport> regression,
    Optional<LongTailReport> longTail,
    Optional<SliceReport> slices,
    Optional<BaselineComparison> baselines,
    Optional<PrioritizationTable> prioritization) {}
