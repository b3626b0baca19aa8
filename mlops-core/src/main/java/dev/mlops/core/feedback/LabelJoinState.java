package dev.mlops.core.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.StoreException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.feedback.GroundTruth;
import dev.mlops.time.MlopsClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Saves and loads a {@link LabelJoin}'s state as one JSON document, format version
 * {@value #VERSION}, written with {@link AtomicFiles} (temporary file in the same folder, fsync,
 * atomic rename), so a crash leaves either the previous state or the new one. The layout is in docs/feedback.md.
 *
 * <p>Stateless and thread-safe.
 */
public final class LabelJoinState {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The saved parts of a join. */
  record Snapshot(JoinCounts counts, List<JoinedPrediction> predictions, List<GroundTruth> waiting) {}

  private LabelJoinState() {}

  /**
   * Writes the join's state to {@code file}, atomically.
   *
   * @throws StoreException naming the file and the reason if it cannot be written
   */
  public static void save(LabelJoin join, Path file) {
    Snapshot s = join.snapshot();
    ObjectNode root = JSON.createObjectNode().put("format", VERSION);
    JoinCounts c = s.counts();
    root.putObject("counts").put("predictions", c.predictions()).put("labels", c.labels())
        .put("joinedOnArrival", c.joinedOnArrival()).put("duplicates", c.duplicates())
        .put("waited", c.waited()).put("joinedAfterWaiting", c.joinedAfterWaiting())
        .put("discardedLabels", c.discardedLabels()).put("expiredPredictions", c.expiredPredictions())
        .put("evictedPredictions", c.evictedPredictions());
    ArrayNode predictions = root.putArray("predictions");
    for (JoinedPrediction p : s.predictions()) {
      ObjectNode n = predictions.addObject().put("id", p.requestId())
          .put("at", p.receivedAt().toString()).put("version", p.modelVersion());
      p.label().ifPresent(l -> n.put("label", l));
      if (p.score().isPresent()) {
        n.put("score", Double.toString(p.score().getAsDouble()));
      }
      ObjectNode probs = n.putObject("p");
      p.probabilities().forEach((k, v) -> probs.put(k, Double.toString(v)));
      p.truth().ifPresent(t -> n.put("truth", t));
      p.labeledAt().ifPresent(t -> n.put("labeledAt", t.toString()));
    }
    ArrayNode waiting = root.putArray("waiting");
    for (GroundTruth g : s.waiting()) {
      waiting.addObject().put("id", g.requestId()).put("value", g.value())
          .put("at", g.arrivedAt().toString());
    }
    try {
      AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot save the label join: " + AtomicFiles.reason(e), e);
    }
  }

  /**
   * Loads a saved state into a new join, or returns an empty join when the file does not exist.
   *
   * @throws StoreException naming the file and what is wrong if it cannot be read
   */
  public static LabelJoin load(Path file, LabelJoinConfig config, MlopsClock clock,
      LabelJoin.Listener listener) {
    LabelJoin join = new LabelJoin(config, clock, listener);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return join;
    } catch (IOException e) {
      throw new StoreException(file.toString(), "cannot read the label join: " + e, e);
    }
    try {
      join.restore(parse(JSON.readTree(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new StoreException(file.toString(), "not a saved label join: " + e.getMessage(), e);
    }
    return join;
  }

  private static Snapshot parse(JsonNode root) {
    if (root.path("format").asInt() != VERSION) {
      throw new IllegalArgumentException("format " + root.path("format") + " is not " + VERSION);
    }
    JsonNode c = root.path("counts");
    JoinCounts counts = new JoinCounts(c.path("predictions").asLong(), c.path("labels").asLong(),
        c.path("joinedOnArrival").asLong(), c.path("duplicates").asLong(), c.path("waited").asLong(),
        c.path("joinedAfterWaiting").asLong(), c.path("discardedLabels").asLong(),
        c.path("expiredPredictions").asLong(), c.path("evictedPredictions").asLong());
    List<JoinedPrediction> predictions = new ArrayList<>();
    for (JsonNode n : root.path("predictions")) {
      Map<String, Double> p = new LinkedHashMap<>();
      n.path("p").properties().forEach(e -> p.put(e.getKey(), Double.parseDouble(e.getValue().asText())));
      predictions.add(new JoinedPrediction(text(n, "id"), Instant.parse(text(n, "at")),
          text(n, "version"), optional(n, "label"),
          n.has("score") ? OptionalDouble.of(Double.parseDouble(text(n, "score"))) : OptionalDouble.empty(),
          p, optional(n, "truth"), optional(n, "labeledAt").map(Instant::parse)));
    }
    List<GroundTruth> waiting = new ArrayList<>();
    for (JsonNode n : root.path("waiting")) {
      waiting.add(new GroundTruth(text(n, "id"), text(n, "value"), Instant.parse(text(n, "at"))));
    }
    return new Snapshot(counts, predictions, waiting);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field \"" + field + "\" is missing or not a string");
    }
    return v.textValue();
  }

  private static Optional<String> optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(text(n, field)) : Optional.empty();
  }

}
