package dev.mlops.core.experiments.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.StoreException;
import dev.mlops.core.io.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MLflow Model Registry aliases over REST API 2.0: resolves {@code @champion} or
 * {@code @challenger} of a registered model and downloads the version's artifacts, and moves
 * {@code @champion} on promotion with audit tags on the promoted version (MLflow keeps no
 * production history of an alias, mlflow#2169). Aliases are resolved with
 * {@code GET registered-models/alias}: searching model versions omits aliases (mlflow#16734).
 * Shares the tracker's HTTP client, authentication and retries ({@link MlflowConfig}); the
 * promotion time comes from the config's clock. Thread-safe.
 */
public final class MlflowModelRegistry {
  /** The alias of the version serving production: {@value}. */
  public static final String CHAMPION = "champion";
  /** The alias of the version to roll out: {@value}. */
  public static final String CHALLENGER = "challenger";
  /** Tag on the promoted version: the version {@code @champion} pointed at before, or {@code none}. */
  public static final String TAG_PREVIOUS_VERSION = "mlops.promotion.previous_version";
  /** Tag on the promoted version: the promotion time, ISO-8601 UTC from the config's clock. */
  public static final String TAG_PROMOTED_AT = "mlops.promotion.time";
  /** Tag on the promoted version: the gates that promoted it. */
  public static final String TAG_GATES = "mlops.promotion.gates";
  /**
   * The longest tag value MLflow accepts: {@value} characters
   * ({@code MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH}, mlflow/utils/validation.py); a longer gate
   * summary is cut to fit.
   */
  public static final int MAX_TAG_VALUE_LENGTH = 5000;

  // mlflow/utils/validation.py, _validate_model_alias_name: word characters and dashes, at most
  // 255, not "latest" (any case) and not a version alias like v3
  private static final Pattern ALIAS = Pattern.compile("[\\w-]{1,255}");
  private static final Pattern VERSION_ALIAS = Pattern.compile("[vV]\\d+");

  private final MlflowConfig config;
  private final MlflowApi api;

  private MlflowModelRegistry(MlflowConfig config) {
    this.config = config;
    this.api = new MlflowApi(config, e -> { });
  }

  /** Returns a registry client for the server in {@code config}. */
  public static MlflowModelRegistry create(MlflowConfig config) {
    return new MlflowModelRegistry(Objects.requireNonNull(config, "config"));
  }

  /**
   * Returns the version number {@code alias} points at, or empty when the model has no such
   * alias.
   *
   * @throws StoreException if the model is not registered, or the server cannot be reached
   * @throws IllegalArgumentException if the alias is not a valid MLflow alias name
   */
  public Optional<String> aliasVersion(String model, String alias) {
    checkAlias(alias);
    try {
      return Optional.of(api.get("registered-models/alias", Map.of("name", model, "alias", alias))
          .path("model_version").path("version").asText());
    } catch (MlflowServerException e) {
      // MLflow's SQL and file stores answer INVALID_PARAMETER_VALUE "Registered model alias X not
      // found." for a missing alias, other registries RESOURCE_DOES_NOT_EXIST with the same words;
      // RESOURCE_DOES_NOT_EXIST without them is a missing model
      boolean aliasMissing = e.getMessage().toLowerCase(Locale.ROOT).contains("model alias " + alias.toLowerCase(Locale.ROOT)
          + " not found");
      if (aliasMissing && (e.errorCode().equals("INVALID_PARAMETER_VALUE") || e.errorCode().equals("RESOURCE_DOES_NOT_EXIST"))) {
        return Optional.empty();
      }
      if (e.errorCode().equals("RESOURCE_DOES_NOT_EXIST")) {
        throw new StoreException(api.base(), "registered model '" + model + "' does not exist on this MLflow"
            + " server (" + e.getMessage() + ")", e);
      }
      throw e;
    }
  }

  /**
   * Resolves {@code model@alias} and downloads the version's artifacts into {@code directory}
   * (created; existing files of the same name are replaced atomically, each file written
   * atomically).
   *
   * @throws StoreException if the model or the alias does not exist, the artifacts are not
   *     reachable through the server's artifact proxy, or the server cannot be reached
   */
  public MlflowModelVersion resolve(String model, String alias, Path directory) {
    Objects.requireNonNull(directory, "directory");
    String version = aliasVersion(model, alias).orElseThrow(() -> new StoreException(api.base(),
        "registered model '" + model + "' has no alias '" + alias + "': set it with"
            + " MlflowClient.set_registered_model_alias or in the UI before the rollout", null));
    JsonNode mv = api.get("model-versions/get", Map.of("name", model, "version", version)).path("model_version");
    String artifactUri = api.get("model-versions/get-download-uri", Map.of("name", model, "version", version))
        .path("artifact_uri").asText();
    download(model, version, artifactUri, directory);
    return new MlflowModelVersion(model, alias, version, mv.path("run_id").asText(""), artifactUri, directory);
  }

  private void download(String model, String version, String artifactUri, Path directory) {
    URI uri;
    try {
      uri = URI.create(artifactUri);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !"mlflow-artifacts".equals(uri.getScheme()) || uri.getRawPath() == null) {
      throw new StoreException(api.base(), model + " version " + version + " stores its artifacts at '"
          + artifactUri + "', which only the server's host can read; start the server with --serve-artifacts so"
          + " that artifacts go through its artifact proxy, or download them with the store's own client", null);
    }
    String root = uri.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
    List<String> files = api.listProxyFiles(root);
    if (files.isEmpty()) {
      throw new StoreException(api.base(), model + " version " + version + " has no artifacts at " + artifactUri, null);
    }
    Path base = directory.toAbsolutePath().normalize();
    for (String file : files) {
      Path target = base.resolve(file.substring(root.length()).replaceAll("^/+", "")).normalize();
      if (!target.startsWith(base) || target.equals(base)) {
        throw new StoreException(api.base(), "artifact path '" + file + "' leaves the download directory", null);
      }
      try {
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, api.getProxyFile(file));
      } catch (IOException e) {
        throw new StoreException(target.toString(), "cannot write the artifact: " + AtomicFiles.reason(e), e);
      }
    }
  }

  /**
   * Moves {@code @champion} to {@code version} and tags that version with the previous champion,
   * the time and {@code gateSummary}. The tags are written before the alias moves, so a champion
   * always carries its audit trail; a failure after the tags leaves the alias where it was.
   *
   * @return the version {@code @champion} pointed at before, empty when it was not set
   * @throws StoreException if the model or version does not exist or the server cannot be reached
   */
  public Optional<String> promote(String model, String version, String gateSummary) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(gateSummary, "gateSummary");
    Optional<String> previous = aliasVersion(model, CHAMPION);
    setTag(model, version, TAG_PREVIOUS_VERSION, previous.orElse("none"));
    setTag(model, version, TAG_PROMOTED_AT, Instant.now(config.clock()).toString());
    setTag(model, version, TAG_GATES, fit(gateSummary));
    api.post("registered-models/alias", MlflowApi.JSON.createObjectNode().put("name", model)
        .put("alias", CHAMPION).put("version", version));
    return previous;
  }

  private void setTag(String model, String version, String key, String value) {
    api.post("model-versions/set-tag", MlflowApi.JSON.createObjectNode().put("name", model)
        .put("version", version).put("key", key).put("value", value));
  }

  private static String fit(String value) {
    if (value.length() <= MAX_TAG_VALUE_LENGTH) {
      return value;
    }
    String cut = " [cut]";
    return value.substring(0, MAX_TAG_VALUE_LENGTH - cut.length()) + cut;
  }

  private static void checkAlias(String alias) {
    Objects.requireNonNull(alias, "alias");
    if (!ALIAS.matcher(alias).matches() || alias.equalsIgnoreCase("latest") || VERSION_ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("'" + alias + "' is not an MLflow alias: aliases are 1 to 255 letters,"
          + " digits, '_' or '-', and 'latest' and version names like 'v3' are reserved");
    }
  }
}
