/**
 * mlops-testkit: test clock, dataset builders, AssertJ assertions and contract test kits for host
 * applications and implementations. Reads the api, JUnit Jupiter and AssertJ only — never
 * mlops-core — and Micrometer when the host has it ({@code requires static}: the extension then
 * injects a meter registry). The contract kits' packages are open so that JUnit can run their
 * package-private test methods on subclasses in other modules.
 */
@SuppressWarnings("requires-automatic") // Micrometer 1.x ships an automatic module name only
module dev.mlops.testkit {
  requires transitive dev.mlops.api;
  requires static micrometer.core;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;

  exports dev.mlops.testkit;
  exports dev.mlops.testkit.data;
  exports dev.mlops.testkit.experiments;
  exports dev.mlops.testkit.model;
  exports dev.mlops.testkit.monitoring;
  exports dev.mlops.testkit.drift;
  exports dev.mlops.testkit.events;
  exports dev.mlops.testkit.deployment;
  exports dev.mlops.testkit.feedback;
  exports dev.mlops.testkit.evaluation;
  exports dev.mlops.testkit.labels;

  opens dev.mlops.testkit.experiments to org.junit.platform.commons;
  opens dev.mlops.testkit.model to org.junit.platform.commons;
  opens dev.mlops.testkit.drift to org.junit.platform.commons;
  opens dev.mlops.testkit.deployment to org.junit.platform.commons;
  opens dev.mlops.testkit.feedback to org.junit.platform.commons;
}
