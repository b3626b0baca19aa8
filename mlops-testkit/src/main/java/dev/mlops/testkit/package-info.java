/**
 * mlops-testkit: what host applications need to test code that uses the SDK — a hand-moved
 * {@link dev.mlops.testkit.TestClock}, dataset builders and AssertJ assertions
 * ({@link dev.mlops.testkit.MlopsAssertions}).
 */
package dev.mlops.testkit;
