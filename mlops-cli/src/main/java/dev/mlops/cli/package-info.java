/** The {@code ./mlops} command line: one subcommand class per lifecycle tool. */
package dev.mlops.cli;
