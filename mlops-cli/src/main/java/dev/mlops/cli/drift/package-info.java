/** {@code ./mlops drift}: batch drift between a reference and a current CSV file. */
package dev.mlops.cli.drift;
