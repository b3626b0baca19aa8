/** {@code ./mlops labels}: label consistency and human-level performance of an annotation file. */
package dev.mlops.cli.labels;
