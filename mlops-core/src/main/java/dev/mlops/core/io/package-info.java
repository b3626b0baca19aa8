/**
 * File formats and file handling shared by several lifecycle concepts: the checksummed line
 * framing of the experiment store, the prediction log and the rollout journal.
 */
package dev.mlops.core.io;
