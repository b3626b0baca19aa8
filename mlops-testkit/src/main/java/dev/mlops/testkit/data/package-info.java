/** Test helpers for datasets: a row-wise builder and AssertJ assertions. */
package dev.mlops.testkit.data;
