package dev.mlops.core.experiments.mlflow;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the MLflow REST backend. Immutable and thread-safe; {@link #toString()} never shows
 * credentials.
 *
 * @param trackingUri the tracking server, e.g. {@code http://127.0.0.1:5000}
 * @param bearerToken sent as {@code Authorization: Bearer <token>} when present
 * @param basicUser with {@code basicPassword}, sent as HTTP basic auth when present
 * @param basicPassword the basic-auth password
 * @param requestTimeout the timeout of one HTTP request
 * @param maxRetries how often a request is retried on a connection error, 429 or 5xx
 * @param initialBackoff the wait before the first retry; doubled for each further retry
 * @param clock the source of run start/end times and metric timestamps
 * @param gitDirectory where to look for a git work tree to record the code version; {@code null}
 *     records none
 */
public record MlflowConfig(
    URI trackingUri,
    Optional<String> bearerToken,
    Optional<String> basicUser,
    Optional<String> basicPassword,
    Duration requestTimeout,
    int maxRetries,
    Duration initialBackoff,
    Clock clock,
    Path gitDirectory) {

  /** Default request timeout: {@value} seconds (MLflow's MLFLOW_HTTP_REQUEST_TIMEOUT is 120). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 120;

  /** Default retries: {@value} (MLflow's MLFLOW_HTTP_REQUEST_MAX_RETRIES default is 7). */
  public static final int DEFAULT_MAX_RETRIES = 7;

  /** Default first backoff: {@value} ms (MLflow's backoff factor 2 starts at about 1 s). */
  public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 1000;

  /** Checks arguments. */
  public MlflowConfig {
    Objects.requireNonNull(trackingUri, "trackingUri");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(basicUser, "basicUser");
    Objects.requireNonNull(basicPassword, "basicPassword");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(clock, "clock");
    String scheme = trackingUri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("trackingUri must be an http or https URL, was " + trackingUri);
    }
    if (basicUser.isPresent() != basicPassword.isPresent()) {
      throw new IllegalArgumentException("basicUser and basicPassword must be given together");
    }
    if (bearerToken.isPresent() && basicUser.isPresent()) {
      throw new IllegalArgumentException("give either a bearer token or basic auth, not both");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero() || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive and initialBackoff >= 0, were "
          + requestTimeout + " and " + initialBackoff);
    }
  }

  /** Returns a builder with the defaults. */
  public static Builder builder(URI trackingUri) {
    return new Builder(trackingUri);
  }

  /**
   * Returns a builder set from MLflow's environment variables: auth from
   * {@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and
   * {@code MLFLOW_TRACKING_PASSWORD}; retries from {@code MLFLOW_HTTP_REQUEST_MAX_RETRIES}, the
   * first backoff in seconds from {@code MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR} and the request
   * timeout in seconds from {@code MLFLOW_HTTP_REQUEST_TIMEOUT}, as MLflow's own client reads
   * them.
   *
   * @throws IllegalArgumentException if a retry or timeout variable is not a number
   */
  public static Builder fromEnvironment(URI trackingUri, Map<String, String> env) {
    Builder b = builder(trackingUri);
    if (env.containsKey("MLFLOW_TRACKING_TOKEN")) {
      b.bearerToken(env.get("MLFLOW_TRACKING_TOKEN"));
    } else if (env.containsKey("MLFLOW_TRACKING_USERNAME")) {
      b.basicAuth(env.get("MLFLOW_TRACKING_USERNAME"), env.getOrDefault("MLFLOW_TRACKING_PASSWORD", ""));
    }
    if (env.containsKey("MLFLOW_HTTP_REQUEST_MAX_RETRIES")) {
      b.maxRetries((int) number(env, "MLFLOW_HTTP_REQUEST_MAX_RETRIES"));
    }
    if (env.containsKey("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR")) {
      b.initialBackoff(Duration.ofMillis(Math.round(number(env, "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR") * 1000)));
    }
    if (env.containsKey("MLFLOW_HTTP_REQUEST_TIMEOUT")) {
      b.requestTimeout(Duration.ofMillis(Math.round(number(env, "MLFLOW_HTTP_REQUEST_TIMEOUT") * 1000)));
    }
    return b;
  }

  private static double number(Map<String, String> env, String name) {
    String value = env.get(name).strip();
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
    }
  }

  @Override
  public String toString() {
    // never print credentials
    return "MlflowConfig[trackingUri=" + trackingUri + ", auth="
        + (bearerToken.isPresent() ? "bearer" : basicUser.isPresent() ? "basic" : "none") + "]";
  }

  /** Builds an {@link MlflowConfig}; not thread-safe. */
  public static final class Builder {
    private final URI trackingUri;
    private Optional<String> bearerToken = Optional.empty();
    private Optional<String> basicUser = Optional.empty();
    private Optional<String> basicPassword = Optional.empty();
    private Duration requestTimeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = Duration.ofMillis(DEFAULT_INITIAL_BACKOFF_MILLIS);
    private Clock clock = Clock.systemUTC();
    private Path gitDirectory = Path.of("").toAbsolutePath();

    private Builder(URI trackingUri) {
      this.trackingUri = Objects.requireNonNull(trackingUri, "trackingUri");
    }

    /** Sets a bearer token. */
    public Builder bearerToken(String token) {
      this.bearerToken = Optional.of(Objects.requireNonNull(token, "token"));
      return this;
    }

    /** Sets basic-auth credentials. */
    public Builder basicAuth(String user, String password) {
      this.basicUser = Optional.of(Objects.requireNonNull(user, "user"));
      this.basicPassword = Optional.of(Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Sets the request timeout (default {@value MlflowConfig#DEFAULT_TIMEOUT_SECONDS} s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /** Sets the retries (default {@value MlflowConfig#DEFAULT_MAX_RETRIES}). */
    public Builder maxRetries(int value) {
      this.maxRetries = value;
      return this;
    }

    /** Sets the first backoff (default {@value MlflowConfig#DEFAULT_INITIAL_BACKOFF_MILLIS} ms). */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = value;
      return this;
    }

    /** Sets the clock (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** Sets where to look for git (default the working directory); {@code null} disables it. */
    public Builder gitDirectory(Path value) {
      this.gitDirectory = value;
      return this;
    }

    /** Returns the config. */
    public MlflowConfig build() {
      return new MlflowConfig(trackingUri, bearerToken, basicUser, basicPassword, requestTimeout,
          maxRetries, initialBackoff, clock, gitDirectory);
    }
  }
}
