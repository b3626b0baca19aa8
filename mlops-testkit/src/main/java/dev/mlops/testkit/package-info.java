/**
 * mlops-testkit: what host applications need to test code that uses the SDK — a hand-moved
 * {@link dev.mlops.testkit.TestClock}, dataset builders and AssertJ assertions
 * ({@link dev.mlops.testkit.MlopsAssertions}) — and contract test kits that implementations of
 * the api's interfaces extend ({@code dev.mlops.testkit.experiments}). It depends on mlops-api,
 * JUnit and AssertJ only, never on mlops-core, so mlops-core's own tests extend the same kits.
 */
package dev.mlops.testkit;
