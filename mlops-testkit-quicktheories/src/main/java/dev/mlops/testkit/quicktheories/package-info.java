/**
 * QuickTheories adapters of the testkit's generators: {@link
 * dev.mlops.testkit.quicktheories.SpecGens} turns {@link dev.mlops.testkit.data.DatasetGenerator}
 * into {@code Gen}s whose draws QuickTheories records and shrinks.
 */
package dev.mlops.testkit.quicktheories;
