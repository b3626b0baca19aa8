/**
 * Data implementations: CSV and JSON Lines readers and a CSV writer that turn files into
 * {@link dev.mlops.data.Dataset}s with file, line and column in every error; spec inference
 * ({@link dev.mlops.core.data.SpecInference}), validation
 * ({@link dev.mlops.core.data.SpecValidator}), the versioned spec JSON
 * ({@link dev.mlops.core.data.SpecJson}), fingerprints and lineage
 * ({@link dev.mlops.core.data.DatasetFingerprint}, {@link dev.mlops.core.data.DatasetVersioner}),
 * splits and balance reports ({@link dev.mlops.core.data.DatasetSplitter},
 * {@link dev.mlops.core.data.ClassBalance}) and rebalancing
 * ({@link dev.mlops.core.data.Rebalancing}).
 */
package dev.mlops.core.data;
