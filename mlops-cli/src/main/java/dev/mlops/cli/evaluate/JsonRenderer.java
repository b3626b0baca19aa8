package dev.mlops.cli.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.evaluation.EvaluationJson;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders an {@link EvaluationResult} as one JSON object with the fields {@code source},
 * {@code classification}, {@code regression}, {@code long_tail}, {@code slices},
 * {@code baselines} and {@code prioritization} (absent when not computed).
 */
final class JsonRenderer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonRenderer() {}

  static String render(EvaluationResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("source", r.source());
    put(root, "classification", r.classification(), EvaluationJson::toJson);
    put(root, "regression", r.regression(), EvaluationJson::toJson);
    r.longTail().ifPresent(t -> {
      ObjectNode n = root.putObject("long_tail");
      n.put("threshold", t.threshold());
      n.put("tail_size", t.tailSize());
      n.put("tail_share", t.tailShare());
      t.tail().ifPresentOrElse(tail -> n.set("tail", parse(EvaluationJson.toJson(tail))),
          () -> n.putNull("tail"));
    });
    put(root, "slices", r.slices(), EvaluationJson::toJson);
    put(root, "baselines", r.baselines(), EvaluationJson::toJson);
    put(root, "prioritization", r.prioritization(), EvaluationJson::toJson);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> void put(ObjectNode root, String field, Optional<T> value,
      Function<T, String> toJson) {
    value.ifPresent(v -> root.set(field, parse(toJson.apply(v))));
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
