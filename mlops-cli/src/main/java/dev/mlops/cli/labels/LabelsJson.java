package dev.mlops.cli.labels;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.AnnotatorStats;
import dev.mlops.labels.Disagreement;
import dev.mlops.labels.HumanLevelPerformance;
import dev.mlops.labels.LabelConfusion;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.PairwiseAgreement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shape of {@code ./mlops labels --format json}. Field names are a public contract;
 * undefined statistics are {@code null} with their reason under {@code undefinedReasons}.
 */
final class LabelsJson {
  private LabelsJson() {}

  static Map<String, Object> of(LabelConsistencyReport r) {
    Map<String, String> reasons = new LinkedHashMap<>();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("level", r.level().name().toLowerCase(Locale.ROOT));
    json.put("items", r.items());
    json.put("annotators", r.annotators());
    json.put("ratings", r.ratings());
    json.put("percentAgreement", value("percentAgreement", r.percentAgreement(), reasons));
    json.put("krippendorffAlpha", value("krippendorffAlpha", r.krippendorffAlpha(), reasons));
    json.put("fleissKappa", value("fleissKappa", r.fleissKappa(), reasons));
    json.put("cohenKappa", value("cohenKappa", r.cohenKappa(), reasons));
    List<Object> pairs = new ArrayList<>();
    for (PairwiseAgreement p : r.pairwise()) {
      Map<String, Object> pair = new LinkedHashMap<>();
      pair.put("annotators", List.of(p.annotatorA(), p.annotatorB()));
      pair.put("itemsInCommon", p.itemsInCommon());
      Map<String, Object> kappa = new LinkedHashMap<>();
      kappa.put("unweighted", nullable(p.kappa()));
      kappa.put("linear", nullable(p.linearKappa()));
      kappa.put("quadratic", nullable(p.quadraticKappa()));
      pair.put("kappa", kappa);
      pairs.add(pair);
    }
    json.put("pairwise", pairs);
    List<Object> stats = new ArrayList<>();
    for (AnnotatorStats s : r.annotatorStats()) {
      Map<String, Object> stat = new LinkedHashMap<>();
      stat.put("annotator", s.annotator());
      stat.put("ratings", s.ratings());
      stat.put("itemsCompared", s.itemsCompared());
      stat.put("leaveOneOutAccuracy", nullable(s.leaveOneOutAccuracy()));
      stats.add(stat);
    }
    json.put("annotatorStats", stats);
    HumanLevelPerformance h = r.hlp();
    Map<String, Object> hlp = new LinkedHashMap<>();
    hlp.put("estimate", nullable(h.estimate()));
    hlp.put("ciLow", nullable(h.ciLow()));
    hlp.put("ciHigh", nullable(h.ciHigh()));
    hlp.put("confidenceLevel", h.confidenceLevel());
    hlp.put("comparisons", h.comparisons());
    h.undefinedReason().ifPresent(reason -> reasons.put("hlp", reason));
    json.put("hlp", hlp);
    List<Object> items = new ArrayList<>();
    for (Disagreement d : r.disagreements()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("item", d.itemId());
      item.put("ratings", d.ratings());
      item.put("entropy", d.entropy());
      item.put("votes", d.votes());
      items.add(item);
    }
    json.put("disagreements", items);
    List<Object> confusions = new ArrayList<>();
    for (LabelConfusion c : r.confusions()) {
      Map<String, Object> confusion = new LinkedHashMap<>();
      confusion.put("labels", List.of(c.labelA(), c.labelB()));
      confusion.put("count", c.count());
      confusions.add(confusion);
    }
    json.put("confusions", confusions);
    json.put("notes", r.notes());
    json.put("undefinedReasons", reasons);
    return json;
  }

  private static Double value(String name, Agreement a, Map<String, String> reasons) {
    a.undefinedReason().ifPresent(reason -> reasons.put(name, reason));
    return nullable(a);
  }

  private static Double nullable(Agreement a) {
    return a.defined() ? a.value() : null;
  }

  private static Double nullable(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
