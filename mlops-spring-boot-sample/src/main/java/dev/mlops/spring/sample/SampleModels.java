package dev.mlops.spring.sample;

import dev.mlops.core.model.OnnxModels;
import dev.mlops.core.model.OnnxModels.ProbabilityOutput;
import dev.mlops.core.monitoring.ReferenceProfileJson;
import dev.mlops.core.monitoring.ReferenceProfiles;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes the sample's two fraud models and their training-time reference profile, so the sample
 * runs without Python or a model store: {@code fraud-v1.onnx} and {@code fraud-v2.onnx}, binary
 * logistic regressions over {@code amount} and {@code velocity} (standardised, N(0, 1) in
 * training), and {@code reference.json}, the profile of 5,000 seeded N(0, 1) rows. Stateless.
 */
public final class SampleModels {
  /** The features the models read. */
  public static final List<String> FEATURES = List.of("amount", "velocity");
  /** The classes, negative first. */
  public static final List<String> CLASSES = List.of("ok", "fraud");
  /** The seed of the reference data: {@value}. */
  public static final long SEED = 20;

  private SampleModels() {}

  /** Writes the files into {@code dir} unless they are there, and returns {@code dir}. */
  public static Path writeIfAbsent(Path dir) {
    write(dir, "fraud-v1", new double[] {1.2, 0.8}, -2.0);
    write(dir, "fraud-v2", new double[] {1.5, 1.1}, -2.2);
    Path reference = dir.resolve("reference.json");
    if (!Files.exists(reference)) {
      Random random = new Random(SEED);
      double[] amount = new double[5_000];
      double[] velocity = new double[5_000];
      for (int i = 0; i < amount.length; i++) {
        amount[i] = random.nextGaussian();
        velocity[i] = random.nextGaussian();
      }
      ReferenceProfileJson.write(ReferenceProfiles.of(Dataset.of(
          NumericColumn.of("amount", amount), NumericColumn.of("velocity", velocity))), reference);
    }
    return dir;
  }

  private static void write(Path dir, String name, double[] weights, double bias) {
    Path file = dir.resolve(name + ".onnx");
    if (!Files.exists(file)) {
      OnnxModels.logisticRegression(FEATURES, CLASSES, weights, bias, ProbabilityOutput.TENSOR)
          .write(file);
    }
  }
}
