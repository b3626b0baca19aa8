/**
 * Test data: a row-wise dataset builder ({@link dev.mlops.testkit.data.TestDatasets}), seeded
 * generators of data that conform to a spec or break it in a chosen way
 * ({@link dev.mlops.testkit.data.DatasetGenerator}, and {@link dev.mlops.testkit.data.SpecGens}
 * for QuickTheories), AssertJ assertions on datasets and validation reports, and a scripted
 * {@link dev.mlops.testkit.data.FakeDatasetValidator}.
 */
package dev.mlops.testkit.data;
