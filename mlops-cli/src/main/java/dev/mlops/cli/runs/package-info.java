/** {@code ./mlops runs}: list, show, compare and sync runs of an embedded experiment store. */
package dev.mlops.cli.runs;
