package dev.mlops.core.evaluation;

import dev.mlops.data.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tags examples for error analysis: manual tags on examples by id (what a person noted while
 * reading errors) and rule taggers (a predicate on the features gives a tag). An example may get
 * several tags.
 *
 * <p>Rule taggers tag every example, right or wrong, so a tag's share of the data is known for the
 * prioritization table. Manual tags are usually put on errors only; their share of data is then
 * a lower bound. Immutable and thread-safe if the predicates are.
 */
public final class ErrorTagger {
  private record Rule(String tag, Predicate<Record> predicate) {}

  private final List<Rule> rules;
  private final Map<String, Set<String>> manual;

  private ErrorTagger(List<Rule> rules, Map<String, Set<String>> manual) {
    this.rules = List.copyOf(rules);
    this.manual = Map.copyOf(manual);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns {@code data} with each example's tags added.
   *
   * @throws IllegalArgumentException if a manual tag names an id that is not in the data, or a
   *     rule fails on an example (naming the tag, row and id)
   * @throws IllegalStateException if there are rules and the data has no features
   */
  public EvaluationData tag(EvaluationData data) {
    Objects.requireNonNull(data, "data");
    for (String id : manual.keySet()) {
      if (data.rowOf(id).isEmpty()) {
        throw new IllegalArgumentException("manual tags " + manual.get(id) + " name example id '"
            + id + "', which is not among the " + data.size() + " examples");
      }
    }
    List<Set<String>> tags = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      Set<String> t = new LinkedHashSet<>(manual.getOrDefault(data.id(i), Set.of()));
      if (!rules.isEmpty()) {
        Record features = data.features(i);
        for (Rule rule : rules) {
          if (matches(rule, features, data, i)) {
            t.add(rule.tag);
          }
        }
      }
      tags.add(t);
    }
    return data.withTags(tags);
  }

  private static boolean matches(Rule rule, Record features, EvaluationData data, int row) {
    try {
      return rule.predicate.test(features);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("rule tagger '" + rule.tag + "' failed on row " + row
          + " (id '" + data.id(row) + "'): " + e.getMessage(), e);
    }
  }

  /** Builds an {@link ErrorTagger}; not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Set<String>> manual = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a rule: examples whose features satisfy {@code predicate} get {@code tag}.
     *
     * @throws IllegalArgumentException if the tag is blank
     */
    public Builder rule(String tag, Predicate<Record> predicate) {
      rules.add(new Rule(checkTag(tag), Objects.requireNonNull(predicate, "predicate")));
      return this;
    }

    /**
     * Adds manual tags to the example with {@code id}.
     *
     * @throws IllegalArgumentException if a tag is blank
     */
    public Builder manual(String id, String... tags) {
      Objects.requireNonNull(id, "id");
      Set<String> set = manual.computeIfAbsent(id, k -> new LinkedHashSet<>());
      for (String tag : tags) {
        set.add(checkTag(tag));
      }
      return this;
    }

    private static String checkTag(String tag) {
      Objects.requireNonNull(tag, "tag");
      if (tag.isBlank()) {
        throw new IllegalArgumentException("tag must not be blank, was '" + tag + "'");
      }
      return tag;
    }

    /** Builds the tagger. */
    public ErrorTagger build() {
      Map<String, Set<String>> copy = new LinkedHashMap<>();
      manual.forEach((id, t) -> copy.put(id, Set.copyOf(t)));
      return new ErrorTagger(rules, copy);
    }
  }
}
