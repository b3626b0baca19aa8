/**
 * Data subcommands: {@code ./mlops infer-spec}, {@code ./mlops validate} and {@code ./mlops split},
 * and the text and JSON forms of their reports.
 */
package dev.mlops.cli.data;
