/**
 * Data implementations: spec inference ({@link dev.mlops.core.data.SpecInference}), validation
 * ({@link dev.mlops.core.data.SpecValidator}), the versioned spec JSON
 * ({@link dev.mlops.core.data.SpecJson}), fingerprints and lineage
 * ({@link dev.mlops.core.data.DatasetFingerprint}), splits and balance reports
 * ({@link dev.mlops.core.data.DatasetSplitter}, {@link dev.mlops.core.data.ClassBalance}) and
 * rebalancing ({@link dev.mlops.core.data.Rebalancing}).
 */
package dev.mlops.core.data;
