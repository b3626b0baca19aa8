/**
 * Data: the columnar {@link dev.mlops.data.Dataset} with its typed columns and row view
 * {@link dev.mlops.data.Record}, the schema {@link dev.mlops.data.DatasetSpec}, validation
 * ({@link dev.mlops.data.DatasetValidator}, {@link dev.mlops.data.ValidationReport}), lineage
 * ({@link dev.mlops.data.DatasetVersion}), train/dev/test splits
 * ({@link dev.mlops.data.DatasetSplit}, {@link dev.mlops.data.SplitFractions}) and label
 * distribution reports ({@link dev.mlops.data.BalanceReport},
 * {@link dev.mlops.data.ClassImbalanceReport}).
 */
package dev.mlops.data;
