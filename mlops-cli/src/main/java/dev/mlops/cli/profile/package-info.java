/**
 * {@code ./mlops profile} and {@code ./mlops profile merge}: mergeable profiles of CSV files (see
 * {@code docs/profiles.md}).
 */
package dev.mlops.cli.profile;
