package dev.mlops.core.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The tags captured automatically when a run starts: code version from git (commit, branch,
 * dirty flag; absent outside a git work tree or without a {@code git} executable, never an
 * error), SDK, Java, OS, architecture and host. Tag names follow MLflow's system tags where one
 * exists ({@code mlflow.source.git.commit}, {@code mlflow.source.git.branch}, {@code
 * mlflow.user}, {@code mlflow.source.name}, {@code mlflow.source.type}). Stateless and
 * thread-safe.
 */
public final class RunEnvironment {
  /** Git commit hash (MLflow's system tag). */
  public static final String GIT_COMMIT = "mlflow.source.git.commit";
  /** Git branch (MLflow's system tag). */
  public static final String GIT_BRANCH = "mlflow.source.git.branch";
  /** "true" when the work tree had uncommitted changes. */
  public static final String GIT_DIRTY = "mlops.git.dirty";
  /** The user running the JVM (MLflow's system tag). */
  public static final String USER = "mlflow.user";
  /** The run's name (MLflow's system tag, also set by MLflow clients). */
  public static final String RUN_NAME = "mlflow.runName";
  /** The parent of a nested run (MLflow's system tag). */
  public static final String PARENT_RUN_ID = "mlflow.parentRunId";
  /** What ran: the main class or jar of the JVM (MLflow's system tag). */
  public static final String SOURCE_NAME = "mlflow.source.name";
  /** How it ran: always {@value #LOCAL_SOURCE} for a JVM process (MLflow's system tag). */
  public static final String SOURCE_TYPE = "mlflow.source.type";
  /** MLflow's source type of a program run on a machine (its SourceType.LOCAL). */
  public static final String LOCAL_SOURCE = "LOCAL";
  /** The SDK version. */
  public static final String SDK_VERSION = "mlops.sdk.version";
  /** The seed the run uses, when given. */
  public static final String SEED = "mlops.seed";

  private static final long GIT_TIMEOUT_SECONDS = 10;

  private RunEnvironment() {}

  /** Returns the SDK, Java, OS, architecture, host and user tags. */
  public static Map<String, String> platformTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(SDK_VERSION, sdkVersion());
    tags.put("mlops.java.version", System.getProperty("java.version"));
    tags.put("mlops.java.vendor", System.getProperty("java.vendor"));
    tags.put("mlops.os.name", System.getProperty("os.name"));
    tags.put("mlops.os.version", System.getProperty("os.version"));
    tags.put("mlops.os.arch", System.getProperty("os.arch"));
    hostName().ifPresent(h -> tags.put("mlops.host", h));
    tags.put(USER, System.getProperty("user.name"));
    sourceName().ifPresent(n -> tags.put(SOURCE_NAME, n));
    tags.put(SOURCE_TYPE, LOCAL_SOURCE);
    return tags;
  }

  /** The first word of the launcher's command: the main class or {@code -jar} file. */
  private static Optional<String> sourceName() {
    String command = System.getProperty("sun.java.command", "").strip();
    if (command.isEmpty()) {
      return Optional.empty(); // a launcher that does not say (embedded JVM)
    }
    int space = command.indexOf(' ');
    return Optional.of(space < 0 ? command : command.substring(0, space));
  }

  /**
   * Returns the git tags of the work tree containing {@code directory}; empty when it is not in
   * a work tree or git cannot be run.
   */
  public static Map<String, String> gitTags(Path directory) {
    Map<String, String> tags = new LinkedHashMap<>();
    Optional<String> commit = git(directory, "rev-parse", "HEAD");
    if (commit.isEmpty()) {
      return tags;
    }
    tags.put(GIT_COMMIT, commit.get());
    git(directory, "rev-parse", "--abbrev-ref", "HEAD").ifPresent(b -> tags.put(GIT_BRANCH, b));
    git(directory, "status", "--porcelain", "--untracked-files=no")
        .ifPresent(s -> tags.put(GIT_DIRTY, Boolean.toString(!s.isEmpty())));
    return tags;
  }

  /** Returns the SDK version from the build, "unknown" when run from unfiltered sources. */
  public static String sdkVersion() {
    try (InputStream in = RunEnvironment.class.getResourceAsStream("sdk-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Optional<String> hostName() {
    try {
      return Optional.of(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      return Optional.empty(); // no resolvable host name: the tag is left out
    }
  }

  private static Optional<String> git(Path directory, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no git executable: code version is simply not recorded
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
