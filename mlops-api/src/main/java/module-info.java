/**
 * The contracts of mlops-java: interfaces, records, enums, sealed results and exceptions. Depends
 * on {@code java.base} alone; implementations live in other modules ({@code dev.mlops.core},
 * {@code dev.mlops.onnx}) and reach the api only through these exported packages.
 */
module dev.mlops.api {
  exports dev.mlops;
  exports dev.mlops.data;
  exports dev.mlops.deployment;
  exports dev.mlops.drift;
  exports dev.mlops.events;
  exports dev.mlops.evaluation;
  exports dev.mlops.experiments;
  exports dev.mlops.labels;
  exports dev.mlops.model;
  exports dev.mlops.monitoring;
  exports dev.mlops.scoping;
  exports dev.mlops.time;
}
