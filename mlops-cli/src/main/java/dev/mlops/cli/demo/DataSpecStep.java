package dev.mlops.cli.demo;

import dev.mlops.cli.data.DataReports;
import dev.mlops.core.data.ClassBalance;
import dev.mlops.core.data.DatasetSplitter;
import dev.mlops.core.data.DatasetVersioner;
import dev.mlops.core.data.InferenceConfig;
import dev.mlops.core.data.Rebalancing;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.DatasetVersion;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.SplitFractions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
  public void run(DemoContext context) {
    PrintWriter out = context.out();
    Dataset data = context.dataset();
    DatasetSpec spec = SpecInference.infer(data,
        InferenceConfig.builder().labelColumn(LABEL).idColumn("id").build());
    Path specFile = context.outputDir().resolve("spec.json");
    SpecJson.write(spec, specFile);
    context.put(SPEC, spec);
    out.printf("inferred spec: %d features, label classes %s -> %s%n", spec.features().size(),
        spec.labelClasses(), specFile);
    DatasetVersion version = DatasetVersioner.of(Clock.systemUTC())
        .version(data, spec, "bundled:breast_cancer_wisconsin.csv", "mlops demo", Map.of());
    context.put(VERSION, version);
    out.printf("dataset version: %s (spec %s)%n", version.digest().substring(0, 23) + "...",
        version.specHash().orElseThrow().substring(0, 19) + "...");

    Dataset faulty = injectFaults(data);
    out.println("validating a copy with 5 injected faults (rows 3, 7, 9, 14, 20):");
    DataReports.printValidation(SpecValidator.of(spec, 3).validate(faulty), "faulty copy", out);

    DatasetSplit split =
        DatasetSplitter.stratified(data, LABEL, SplitFractions.defaults(), context.seed());
    context.put(SPLIT, split);
    out.printf("stratified 80/10/10 split, seed %d:%n", context.seed());
    DataReports.printBalance(ClassBalance.balance(split, LABEL), out);
    DataReports.printImbalance(ClassBalance.imbalance(data, LABEL), out);
    out.printf(Locale.ROOT, "balanced class weights (sklearn formula): %s%n",
        Rebalancing.classWeights(data, LABEL).entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s=%.4f", e.getKey(), e.getValue())).toList());
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
