/**
 * mlops-testkit: test clock, dataset builders, AssertJ assertions and contract test kits for host
 * applications and implementations. Reads the api, JUnit Jupiter and AssertJ only — never
 * mlops-core. The contract kits' packages are open so that JUnit can run their package-private
 * test methods on subclasses in other modules.
 */
module dev.mlops.testkit {
  requires transitive dev.mlops.api;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;

  exports dev.mlops.testkit;
  exports dev.mlops.testkit.data;
  exports dev.mlops.testkit.experiments;

  opens dev.mlops.testkit.experiments to org.junit.platform.commons;
}
