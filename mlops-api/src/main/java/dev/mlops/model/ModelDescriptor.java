package dev.mlops.model;

import dev.mlops.data.DatasetSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model says about itself ({@link Model#describe()}): its name and version, the task, the
 * class labels in the model's order and, when known, the spec of the features it reads. Monitors
 * use it to know which class shares to track and which features to check; deployments use it to
 * check that a candidate answers in the same classes as the primary.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param name the model's name
 * @param version the version being served
 * @param task classification, regression or unknown
 * @param classLabels a classifier's class labels in the model's order (the order of
 *     {@link Prediction#probabilities()}); empty when unknown, and always empty for a task other
 *     than {@link ModelTask#CLASSIFICATION}
 * @param inputSpec the features the model reads, when the model knows them
 */
public record ModelDescriptor(
    String name,
    String version,
    ModelTask task,
    List<String> classLabels,
    Optional<DatasetSpec> inputSpec) {

  /**
   * Copies the labels and checks arguments.
   *
   * @throws IllegalArgumentException if a label repeats or is null, or labels are given for a
   *     task other than classification
   */
  public ModelDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(classLabels, "classLabels");
    Objects.requireNonNull(inputSpec, "inputSpec");
    for (String label : classLabels) {
      if (label == null) {
        throw new IllegalArgumentException("classLabels must not contain null, was " + classLabels);
      }
    }
    classLabels = List.copyOf(classLabels);
    if (task != ModelTask.CLASSIFICATION && !classLabels.isEmpty()) {
      throw new IllegalArgumentException(
          "classLabels must be empty for a " + task + " model, was " + classLabels);
    }
    if (new HashSet<>(classLabels).size() != classLabels.size()) {
      throw new IllegalArgumentException("classLabels must not repeat, was " + classLabels);
    }
  }

  /** A model that says nothing about its task: what {@link Model#describe()} returns by default. */
  public static ModelDescriptor unknown(String name, String version) {
    return new ModelDescriptor(name, version, ModelTask.UNKNOWN, List.of(), Optional.empty());
  }

  /** A classifier with its class labels in the model's order (empty when unknown). */
  public static ModelDescriptor classification(
      String name, String version, List<String> classLabels) {
    return new ModelDescriptor(
        name, version, ModelTask.CLASSIFICATION, classLabels, Optional.empty());
  }

  /** A regressor. */
  public static ModelDescriptor regression(String name, String version) {
    return new ModelDescriptor(name, version, ModelTask.REGRESSION, List.of(), Optional.empty());
  }

  /** Returns a copy that knows the features the model reads. */
  public ModelDescriptor withInputSpec(DatasetSpec spec) {
    return new ModelDescriptor(
        name, version, task, classLabels, Optional.of(Objects.requireNonNull(spec, "spec")));
  }
}
