/**
 * Plumbing shared by every module. {@link dev.mlops.core.io.AtomicFiles} writes a whole file or
 * nothing, so a crash, a full disk or a failing renderer never leaves a half-written spec, report,
 * model or CSV file behind. {@link dev.mlops.core.io.JacksonSupport} fails early, with the versions
 * named, when the host's Jackson is older than mlops-core needs.
 * {@link dev.mlops.core.io.ChecksummedLines} is the checksummed line framing of the append-only
 * logs: the experiment store, the prediction log and the rollout journal.
 */
package dev.mlops.core.io;
