/**
 * Data: the columnar {@link dev.mlops.data.Dataset} with its typed columns and row view
 * {@link dev.mlops.data.Record}, the schema {@link dev.mlops.data.DatasetSpec}, validation
 * ({@link dev.mlops.data.DatasetValidator}, {@link dev.mlops.data.ValidationReport}) and lineage
 * ({@link dev.mlops.data.DatasetVersion}).
 */
package dev.mlops.data;
