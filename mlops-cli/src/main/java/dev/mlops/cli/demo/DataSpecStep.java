package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.BarChart;
import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.data.DataReports;
import dev.mlops.core.data.ClassBalance;
import dev.mlops.core.data.DatasetSplitter;
import dev.mlops.core.data.DatasetVersioner;
import dev.mlops.core.data.InferenceConfig;
import dev.mlops.core.data.Rebalancing;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.BalanceReport;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.DatasetVersion;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.SplitFractions;
import dev.mlops.data.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Infers the data spec, records the dataset's version, validates a copy with injected faults,
 * splits train/dev/test stratified by diagnosis and reports the class balance. Puts the spec and
 * the split into the context for later steps.
 */
final class DataSpecStep implements DemoStep {
  /** The inferred spec, for later steps. */
  static final DemoContext.Key<DatasetSpec> SPEC = new DemoContext.Key<>("spec", DatasetSpec.class);
  /** The stratified split, for later steps. */
  /** The bundled dataset's version (content digest + spec hash), for the runs that use it. */
  static final DemoContext.Key<DatasetVersion> VERSION =
      new DemoContext.Key<>("dataset version", DatasetVersion.class);

  static final DemoContext.Key<DatasetSplit> SPLIT =
      new DemoContext.Key<>("split", DatasetSplit.class);

  private static final String LABEL = "diagnosis";

  @Override
  public String title() {
    return "Data: infer a spec, validate, fingerprint, split and check class balance";
  }

  @Override
  public void run(DemoContext context) throws java.io.IOException {
    PrintWriter out = context.out();
    Dataset data = context.dataset();
    DatasetSpec spec = SpecInference.infer(data,
        InferenceConfig.builder().labelColumn(LABEL).idColumn("id").build());
    Path specFile = context.outputDir().resolve("spec.json");
    SpecJson.write(spec, specFile);
    context.put(SPEC, spec);
    out.printf("inferred spec: %d features, label classes %s -> %s%n", spec.features().size(),
        spec.labelClasses(), specFile);
    DatasetVersion version = DatasetVersioner.of(context.clock())
        .version(data, spec, "bundled:breast_cancer_wisconsin.csv", "mlops demo", Map.of());
    context.put(VERSION, version);
    out.printf("dataset version: %s (spec %s)%n", version.digest().substring(0, 23) + "...",
        version.specHash().orElseThrow().substring(0, 19) + "...");

    Dataset faulty = injectFaults(data);
    out.println("validating a copy with 5 injected faults (rows 3, 7, 9, 14, 20):");
    ValidationReport validation = SpecValidator.of(spec, 3).validate(faulty);
    DataReports.printValidation(validation, "faulty copy", out);
    AtomicFiles.writeString(context.outputDir().resolve("validation.json"),
        DataReports.validationJson(validation, "faulty copy of breast_cancer_wisconsin.csv"));

    DatasetSplit split =
        DatasetSplitter.stratified(data, LABEL, SplitFractions.defaults(), context.seed());
    context.put(SPLIT, split);
    out.printf("stratified 80/10/10 split, seed %d:%n", context.seed());
    BalanceReport balance = ClassBalance.balance(split, LABEL);
    DataReports.printBalance(balance, out);
    AtomicFiles.writeString(context.outputDir().resolve("split-balance.json"), DataReports.balanceJson(balance));
    DataReports.printImbalance(ClassBalance.imbalance(data, LABEL), out);
    out.printf(Locale.ROOT, "balanced class weights (sklearn formula): %s%n",
        Rebalancing.classWeights(data, LABEL).entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s=%.4f", e.getKey(), e.getValue())).toList());
    addToDashboard(context, spec, version, validation, balance);
  }

  private static void addToDashboard(DemoContext context, DatasetSpec spec, DatasetVersion version,
      ValidationReport validation, BalanceReport balance) {
    Dashboard.Section section = context.dashboard().section("data", "2. Data");
    section.text(String.format(Locale.ROOT, "%d rows, %d features inferred into spec.json; dataset version %s.",
        context.dataset().rowCount(), spec.features().size(), version.digest()));
    section.heading(String.format(Locale.ROOT, "Validation of a copy with 5 injected bad rows: %d violations",
        validation.violations().size()));
    section.table(List.of("feature", "kind", "rows", "expected", "found", "example rows"),
        validation.violations().stream().map(v -> List.of(v.feature(), v.kind().toString(),
            Long.toString(v.count()), v.expected(), v.actual(), v.exampleRows().toString())).toList());
    section.heading(String.format(Locale.ROOT, "Stratified split: largest class-share deviation %.4f",
        balance.largestDeviation()));
    List<String> classes = balance.overall().stream().map(c -> c.label()).toList();
    List<String> parts = new ArrayList<>(List.of("overall"));
    balance.splits().forEach(s -> parts.add(s.split().label()));
    BarChart chart = BarChart.builder("split-balance", "Class shares per split", parts)
        .axes("split", "share of rows")
        .description("Share of each diagnosis in the whole dataset and in each split; the bars match "
            + "because the split is stratified.");
    for (int k = 0; k < classes.size(); k++) {
      double[] shares = new double[parts.size()];
      shares[0] = balance.overall().get(k).share();
      for (int i = 0; i < balance.splits().size(); i++) {
        shares[i + 1] = balance.splits().get(i).classes().get(k).share();
      }
      chart.series(classes.get(k), shares);
    }
    section.chart(chart.build());
    section.table(List.of("split", "rows", "max deviation"), balance.splits().stream().map(s -> List.of(
        s.split().label(), Long.toString(s.rows()), String.format(Locale.ROOT, "%.4f", s.maxDeviation()))).toList());
  }

  /** Out of range at row 3, unknown label at 7, missing at 9, duplicate id at 14, text at 20. */
  private static Dataset injectFaults(Dataset data) {
    double[] radius = data.numeric("mean_radius").toArray();
    radius[3] = 99.5;
    double[] texture = data.numeric("mean_texture").toArray();
    texture[9] = Double.NaN;
    NumericColumn idColumn = data.numeric("id");
    double[] ids = idColumn.toArray();
    ids[14] = ids[2];
    List<String> labels = new ArrayList<>();
    List<String> area = new ArrayList<>();
    for (int r = 0; r < data.rowCount(); r++) {
      labels.add(r == 7 ? "unknown" : data.categorical(LABEL).value(r));
      area.add(r == 20 ? "n/a" : Double.toString(data.numeric("mean_area").value(r)));
    }
    return data
        .withColumn(NumericColumn.of("mean_radius", radius))
        .withColumn(NumericColumn.of("mean_texture", texture))
        .withColumn(NumericColumn.of("id", idColumn.type(), ids))
        .withColumn(CategoricalColumn.of(LABEL, labels))
        .withColumn(CategoricalColumn.of("mean_area", area))
        .withName("faulty copy");
  }
}
