package dev.mlops.cli.feedback;

import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.PrivacyPolicy;
import dev.mlops.time.MlopsClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * The options with which a scoring command ({@code predict}, {@code monitor}) writes the
 * prediction log of what it scored: add it with {@code @Mixin PredictionLogOptions logOptions;}.
 * A sensitive field is hashed (HMAC-SHA256) when a key file is given, and dropped otherwise.
 *
 * <p>Not thread-safe; picocli fills it once per command.
 */
public final class PredictionLogOptions {
  @Option(names = "--log", paramLabel = "DIR",
      description = "Write the prediction log of what is scored to DIR.")
  Path log;

  @Option(names = "--request-id-column", paramLabel = "COL",
      description = "Column holding each row's request id (default: a generated id).")
  String requestIdColumn;

  @Option(names = "--sensitive", split = ",", paramLabel = "a,b",
      description = "Fields to keep out of the log: hashed with --hmac-key-file, else dropped.")
  List<String> sensitive = new ArrayList<>();

  @Option(names = "--hmac-key-file", paramLabel = "F",
      description = "File holding the HMAC-SHA256 key for --sensitive fields (at least 16 bytes).")
  Path hmacKeyFile;

  /** Returns whether {@code --log} was given. */
  public boolean enabled() {
    return log != null;
  }

  /**
   * Opens the logger, or returns empty without {@code --log}.
   *
   * @throws IllegalArgumentException if the key file cannot be read or is too short, or
   *     {@code --sensitive}/{@code --hmac-key-file} come without {@code --log}
   */
  public Optional<PredictionLogger> open(MlopsClock clock) {
    if (log == null) {
      if (!sensitive.isEmpty() || hmacKeyFile != null || requestIdColumn != null) {
        throw new IllegalArgumentException(
            "--request-id-column, --sensitive and --hmac-key-file need --log DIR");
      }
      return Optional.empty();
    }
    PrivacyPolicy.Builder policy = PrivacyPolicy.builder();
    FieldRule rule = hmacKeyFile != null ? FieldRule.hmac() : FieldRule.drop();
    sensitive.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(f -> policy.field(f, rule));
    PredictionLogger.Builder b = PredictionLogger.builder(
        PredictionLogConfig.builder(log).privacy(policy.build()).build()).clock(clock);
    if (hmacKeyFile != null) {
      try {
        b.hmacKey(HmacKey.of(Files.readAllBytes(hmacKeyFile)));
      } catch (IOException e) {
        throw new IllegalArgumentException("--hmac-key-file " + hmacKeyFile + ": cannot read: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--hmac-key-file " + hmacKeyFile + ": " + e.getMessage(), e);
      }
    }
    return Optional.of(b.build());
  }

  /** Returns the {@code --log} folder, or {@code null} without it. */
  public Path directory() {
    return log;
  }

  /** Returns the {@code --request-id-column}, if given. */
  public Optional<String> requestIdColumn() {
    return Optional.ofNullable(requestIdColumn);
  }

  /**
   * Returns a row's request id: its {@code --request-id-column} cell, else a random UUID.
   *
   * @param cell the row's cell of the id column, {@code null} when empty or without the option
   * @param where the row's place for the error message, e.g. {@code "data.csv:17"}
   * @throws IllegalArgumentException if the option is given and the cell is empty
   */
  public String requestId(String cell, String where) {
    if (requestIdColumn == null) {
      return UUID.randomUUID().toString();
    }
    if (cell == null || cell.isBlank()) {
      throw new IllegalArgumentException(
          where + ": the request id column '" + requestIdColumn + "' is empty");
    }
    return cell;
  }
}
