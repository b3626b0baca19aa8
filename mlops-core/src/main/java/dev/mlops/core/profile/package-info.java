/**
 * Profiles of datasets and streams ({@link dev.mlops.core.profile.Profiles},
 * {@link dev.mlops.core.profile.ProfileBuilder}), their settings
 * ({@link dev.mlops.core.profile.ProfileConfig}) and files
 * ({@link dev.mlops.core.profile.ProfileCodec}). The sketches are written here, with no
 * dependency: a KLL quantile sketch, a Misra–Gries frequent-items summary and a HyperLogLog
 * distinct counter, each mergeable, so profiles from many instances combine into one.
 */
package dev.mlops.core.profile;
