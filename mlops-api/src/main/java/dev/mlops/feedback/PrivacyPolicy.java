package dev.mlops.feedback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which input fields are sensitive and what is done to each before a prediction is queued for
 * logging: dropped, hashed with HMAC-SHA256 under the host's {@link HmacKey}, or generalized. A
 * field without a rule is logged as it came. The rules run on the prediction path, before the
 * record is queued, so no sink, queue or file ever holds a sensitive value.
 *
 * <pre>{@code
 * PrivacyPolicy policy = PrivacyPolicy.builder()
 *     .field("email", FieldRule.hmac())
 *     .field("age", FieldRule.bucket(10))
 *     .field("notes", FieldRule.drop())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param rules field name to its rule, in the order given
 */
public record PrivacyPolicy(Map<String, FieldRule> rules) {

  /** Copies the rules, keeping their order. */
  public PrivacyPolicy {
    Objects.requireNonNull(rules, "rules");
    rules.forEach((k, v) -> {
      Objects.requireNonNull(k, "field name");
      Objects.requireNonNull(v, "rule of " + k);
    });
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  /** The policy that logs every field as it came. */
  public static PrivacyPolicy none() {
    return new PrivacyPolicy(Map.of());
  }

  /** Returns the rule of a field, if it is sensitive. */
  public Optional<FieldRule> rule(String field) {
    return Optional.ofNullable(rules.get(field));
  }

  /** Returns whether some rule hashes, which needs an {@link HmacKey}. */
  public boolean needsKey() {
    return rules.values().stream().anyMatch(r -> r.treatment() == FieldRule.Treatment.HMAC_SHA256);
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PrivacyPolicy}s. Not thread-safe. */
  public static final class Builder {
    private final Map<String, FieldRule> rules = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the rule of a field, replacing an earlier one. */
    public Builder field(String name, FieldRule rule) {
      rules.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Builds the policy. */
    public PrivacyPolicy build() {
      return new PrivacyPolicy(rules);
    }
  }
}
