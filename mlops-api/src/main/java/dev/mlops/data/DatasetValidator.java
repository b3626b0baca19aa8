package dev.mlops.data;

/**
 * Checks datasets and single records against a {@link DatasetSpec}. Violations are reported in
 * the returned {@link ValidationReport}, never thrown.
 *
 * <p>Implementations are immutable and thread-safe: one validator serves every request thread.
 */
public interface DatasetValidator {

  /** Returns the spec this validator checks against. */
  DatasetSpec spec();

  /**
   * Validates a whole dataset: columns, types, per-feature rules and dataset-level rules.
   *
   * @param data the dataset
   * @return every violation found
   */
  ValidationReport validate(Dataset data);

  /**
   * Validates one record at serving time: presence, type, range, domain and length of each
   * feature. Rules that need more than one row (uniqueness, presence shares, row counts) are not
   * checked; a missing value of a feature with {@code minPresence < 1} is accepted.
   *
   * @param record the record
   * @return every violation found, with row index 0
   */
  ValidationReport validate(Record record);
}
