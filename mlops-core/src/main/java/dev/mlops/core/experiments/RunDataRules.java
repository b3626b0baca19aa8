package dev.mlops.core.experiments;

import dev.mlops.data.DatasetVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The naming and size rules every tracker enforces, the same as MLflow's
 * ({@code mlflow/utils/validation.py}) so that runs can move to an MLflow server unchanged,
 * plus the path rules that keep names and artifact paths inside the store.
 *
 * <p>Nothing is truncated: a value that breaks a rule is rejected with an
 * {@link IllegalArgumentException} naming the key and the limit. Names, keys and values must be
 * well-formed UTF-16 (no unpaired surrogate), since they are stored as UTF-8. Stateless and
 * thread-safe.
 */
public final class RunDataRules {

  /** Longest param, metric or tag key: {@value} characters (MLflow's MAX_ENTITY_KEY_LENGTH). */
  public static final int MAX_KEY_LENGTH = 250;

  /** Longest param value: {@value} characters (MLflow's MAX_PARAM_VAL_LENGTH). */
  public static final int MAX_PARAM_VALUE_LENGTH = 6000;

  /** Longest tag value: {@value} characters (MLflow's MAX_TAG_VAL_LENGTH). */
  public static final int MAX_TAG_VALUE_LENGTH = 8000;

  /** Longest experiment or run name: {@value} characters (MLflow's experiment name limit). */
  public static final int MAX_NAME_LENGTH = 500;

  /** Longest dataset context: {@value} characters (MLflow's MAX_INPUT_TAG_VALUE_SIZE). */
  public static final int MAX_CONTEXT_LENGTH = 500;

  /** Longest dataset name: {@value} characters (MLflow's MAX_DATASET_NAME_SIZE). */
  public static final int MAX_DATASET_NAME_LENGTH = 500;

  /**
   * Longest dataset source: {@value} characters (MLflow's MAX_DATASET_SOURCE_SIZE, the size of
   * its {@code TEXT} source column).
   */
  public static final int MAX_DATASET_SOURCE_LENGTH = 65_535;

  // MLflow's _VALID_PARAM_AND_METRIC_NAMES: word characters, '/', '.', '-', ' ' and ':'.
  private static final Pattern KEY = Pattern.compile("[/\\w.\\- :]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private RunDataRules() {}

  /**
   * Checks a param, metric or tag key.
   *
   * @param kind "param", "metric" or "tag", used in the message
   * @throws IllegalArgumentException if the key is empty, too long, has other characters than
   *     letters, digits, {@code _ - . / :} and space, or would resolve to another name as a path
   */
  public static String checkKey(String kind, String key) {
    Objects.requireNonNull(key, kind + " key");
    checkWellFormed(kind + " key", key);
    if (key.isEmpty()) {
      throw new IllegalArgumentException(kind + " key must not be empty");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          kind + " key '" + abbreviate(key) + "' has " + key.length() + " characters, the limit is "
              + MAX_KEY_LENGTH);
    }
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "invalid " + kind + " key '" + key + "': only letters, digits, '_', '-', '.', '/', ':' and"
              + " space are allowed");
    }
    if (!isCanonicalRelativePath(key)) {
      throw new IllegalArgumentException(
          "invalid " + kind + " key '" + key + "': it must not start with '/' or contain '.', '..'"
              + " or empty path segments");
    }
    return key;
  }

  /**
   * Checks a param value.
   *
   * @throws IllegalArgumentException if it is longer than {@value #MAX_PARAM_VALUE_LENGTH}
   */
  public static String checkParamValue(String key, String value) {
    Objects.requireNonNull(value, "value of param '" + key + "'");
    checkWellFormed("value of param '" + key + "'", value);
    if (value.length() > MAX_PARAM_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "value of param '" + key + "' has " + value.length() + " characters, the limit is "
              + MAX_PARAM_VALUE_LENGTH);
    }
    return value;
  }

  /**
   * The error for a second, different value of a param: params are write-once, as in MLflow.
   * Shared by the stores of this package so that each says it in the same words.
   */
  static IllegalArgumentException paramRewritten(String runId, String key, String previous, String value) {
    return new IllegalArgumentException("param '" + key + "' of run " + runId + " already has the value '"
        + previous + "'; params are write-once, so '" + value + "' cannot replace it (log a tag or"
        + " start a new run)");
  }

  /**
   * Checks a tag value.
   *
   * @throws IllegalArgumentException if it is longer than {@value #MAX_TAG_VALUE_LENGTH}
   */
  public static String checkTagValue(String key, String value) {
    Objects.requireNonNull(value, "value of tag '" + key + "'");
    checkWellFormed("value of tag '" + key + "'", value);
    if (value.length() > MAX_TAG_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "value of tag '" + key + "' has " + value.length() + " characters, the limit is "
              + MAX_TAG_VALUE_LENGTH);
    }
    return value;
  }

  /**
   * Checks an experiment or run name. Names are stored as data, never used as file names, but a
   * name that looks like a path escaping a directory is rejected anyway so that no backend or
   * export can be tricked by it.
   *
   * @param kind "experiment name" or "run name", used in the message
   * @throws IllegalArgumentException if the name is blank, too long, has control characters, a
   *     backslash, starts with '/' or contains a ".." segment
   */
  public static String checkName(String kind, String name) {
    Objects.requireNonNull(name, kind);
    checkWellFormed(kind + " '" + abbreviate(name) + "'", name);
    if (name.isBlank()) {
      throw new IllegalArgumentException(kind + " must not be blank");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          kind + " '" + abbreviate(name) + "' has " + name.length() + " characters, the limit is "
              + MAX_NAME_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c) || c == '\\') {
        throw new IllegalArgumentException(
            kind + " '" + name + "' contains the forbidden character U+"
                + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
      }
    }
    if (name.startsWith("/") || List.of(name.split("/", -1)).contains("..")) {
      throw new IllegalArgumentException(
          kind + " '" + name + "' looks like a path leaving its directory ('/' at the start or a"
              + " '..' segment)");
    }
    return name;
  }

  /**
   * Checks a run id given by a caller (CLI argument, parent id) before it is used to find files.
   *
   * @throws IllegalArgumentException unless it is 1 to 64 letters, digits, '_' or '-'
   */
  public static String checkRunId(String runId) {
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "invalid run id '" + abbreviate(runId) + "': expected 1 to 64 letters, digits, '_' or '-'");
    }
    return runId;
  }

  /**
   * Checks a dataset context such as "training".
   *
   * @throws IllegalArgumentException if it is blank or longer than {@value #MAX_CONTEXT_LENGTH}
   */
  public static String checkContext(String context) {
    Objects.requireNonNull(context, "context");
    checkWellFormed("dataset context", context);
    if (context.isBlank() || context.length() > MAX_CONTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "dataset context must be 1 to " + MAX_CONTEXT_LENGTH + " characters, was '"
              + abbreviate(context) + "'");
    }
    return context;
  }

  /**
   * Checks an artifact path and splits it into segments. The MLflow path-traversal CVEs
   * (CVE-2023-1177, CVE-2023-6909 and others) came from paths like {@code ../x}, {@code /etc/x},
   * {@code a/../../x} and {@code C:\x}; all of them are rejected here before any file is touched.
   *
   * @return the path's segments
   * @throws IllegalArgumentException if the path is empty, absolute, has a backslash, a drive
   *     letter, a control character or an empty, "." or ".." segment
   */
  public static List<String> checkArtifactPath(String relativePath) {
    Objects.requireNonNull(relativePath, "relativePath");
    checkWellFormed("artifact path", relativePath);
    if (relativePath.isEmpty()) {
      throw new IllegalArgumentException("artifact path must not be empty");
    }
    for (int i = 0; i < relativePath.length(); i++) {
      char c = relativePath.charAt(i);
      if (Character.isISOControl(c) || c == '\\') {
        throw new IllegalArgumentException(
            "artifact path '" + relativePath + "' contains the forbidden character U+"
                + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
      }
    }
    if (relativePath.startsWith("/") || relativePath.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException(
          "artifact path '" + relativePath + "' is absolute; give a path relative to the run");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : relativePath.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "artifact path '" + relativePath + "' has a '" + segment + "' segment; it must stay"
                + " inside the run's artifact directory");
      }
      segments.add(segment);
    }
    return segments;
  }

  /**
   * Checks that a string is well-formed UTF-16: every high surrogate followed by a low one and
   * no low surrogate alone. A lone surrogate has no UTF-8 encoding, so it would be written as
   * '?' and read back as another string.
   *
   * @param what names the string in the message, e.g. "value of param 'lr'"
   * @throws IllegalArgumentException naming the index and code unit of the first unpaired
   *     surrogate
   */
  public static String checkWellFormed(String what, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " contains an unpaired surrogate U+"
            + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i + "; it is not valid Unicode text");
      }
    }
    return s;
  }

  /**
   * Checks the text of a dataset reference before it is logged: well-formed strings, a name of
   * at most {@value #MAX_DATASET_NAME_LENGTH} and a source of at most
   * {@value #MAX_DATASET_SOURCE_LENGTH} characters (MLflow's limits, so that the run can be
   * synced).
   *
   * @throws IllegalArgumentException naming the field and the limit
   */
  public static DatasetVersion checkDataset(DatasetVersion dataset) {
    String name = dataset.name();
    checkWellFormed("dataset name", name);
    if (name.isEmpty() || name.length() > MAX_DATASET_NAME_LENGTH) {
      throw new IllegalArgumentException("dataset name '" + abbreviate(name) + "' has " + name.length()
          + " characters; it must have 1 to " + MAX_DATASET_NAME_LENGTH);
    }
    String where = "dataset '" + abbreviate(name) + "'";
    checkWellFormed(where + ": digest", dataset.digest());
    dataset.specHash().ifPresent(h -> checkWellFormed(where + ": spec hash", h));
    checkWellFormed(where + ": source", dataset.source());
    checkWellFormed(where + ": producer", dataset.producer());
    dataset.tags().forEach((k, v) -> {
      checkWellFormed(where + ": tag key '" + abbreviate(k) + "'", k);
      checkWellFormed(where + ": value of tag '" + abbreviate(k) + "'", v);
    });
    if (dataset.source().length() > MAX_DATASET_SOURCE_LENGTH) {
      throw new IllegalArgumentException(where + ": source has " + dataset.source().length()
          + " characters, the limit is " + MAX_DATASET_SOURCE_LENGTH + " (MLflow's MAX_DATASET_SOURCE_SIZE);"
          + " give a path, URL or query of the data, not the data");
    }
    return dataset;
  }

  private static boolean isCanonicalRelativePath(String key) {
    if (key.startsWith("/")) {
      return false;
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
