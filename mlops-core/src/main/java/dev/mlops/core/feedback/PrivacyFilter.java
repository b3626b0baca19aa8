package dev.mlops.core.feedback;

import dev.mlops.data.Record;
import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.PrivacyPolicy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Applies a {@link PrivacyPolicy} to a request's features, giving the map that is logged. Runs on
 * the prediction path, before anything is queued. Thread-safe: each thread hashes with its own
 * {@link Mac}.
 */
final class PrivacyFilter {
  /** Prefix of a hashed value, naming the algorithm so a reader knows what it is looking at. */
  static final String HMAC_PREFIX = "hmac-sha256:";

  private final PrivacyPolicy policy;
  private final ThreadLocal<Mac> macs;

  /**
   * Builds the filter.
   *
   * @throws IllegalArgumentException if a rule hashes and no key is given
   */
  PrivacyFilter(PrivacyPolicy policy, Optional<HmacKey> key) {
    this.policy = policy;
    if (policy.needsKey() && key.isEmpty()) {
      throw new IllegalArgumentException("the privacy policy hashes fields "
          + hashedFields(policy) + " but no HMAC key was given");
    }
    this.macs = key.map(PrivacyFilter::macs).orElse(null);
  }

  private static String hashedFields(PrivacyPolicy policy) {
    return policy.rules().entrySet().stream()
        .filter(e -> e.getValue().treatment() == FieldRule.Treatment.HMAC_SHA256)
        .map(Map.Entry::getKey).toList().toString();
  }

  private static ThreadLocal<Mac> macs(HmacKey key) {
    SecretKeySpec spec = new SecretKeySpec(key.bytes(), "HmacSHA256");
    return ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(spec);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
      }
    });
  }

  /**
   * Returns the features to log: sensitive ones dropped, hashed or generalized. The result is an
   * immutable view for {@link dev.mlops.feedback.LoggedPrediction} to copy once, not a map of its
   * own: building one here and copying it again doubled the per-call cost on the prediction path.
   */
  Map<String, Object> apply(Record features) {
    Map<String, Object> values = features.toMap();
    if (policy.rules().isEmpty()) {
      return values;
    }
    Object[] kept = new Object[2 * values.size()];
    int n = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      FieldRule rule = policy.rules().get(e.getKey());
      if (rule == null) {
        kept[n++] = e.getKey();
        kept[n++] = e.getValue();
      } else if (rule.treatment() != FieldRule.Treatment.DROP) {
        kept[n++] = e.getKey();
        kept[n++] = treat(rule, e.getValue());
      }
    }
    return new FilteredInputs(kept, n / 2);
  }

  private Object treat(FieldRule rule, Object value) {
    if (value == null || (value instanceof Double d && d.isNaN())) {
      return null; // a missing value reveals nothing
    }
    if (rule.treatment() == FieldRule.Treatment.HMAC_SHA256) {
      return hash(value instanceof Double d ? Double.toString(d) : value.toString());
    }
    if (value instanceof Double d && rule.bucketWidth() > 0) {
      return Math.floor(d / rule.bucketWidth()) * rule.bucketWidth();
    }
    if (value instanceof String s && rule.bucketWidth() == 0) {
      return s.substring(0, s.offsetByCodePoints(0, Math.min(rule.keepChars(), s.codePointCount(0, s.length()))));
    }
    return null;
  }

  private String hash(String text) {
    Mac mac = macs.get();
    byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder(HMAC_PREFIX.length() + 2 * digest.length);
    return HexFormat.of().formatHex(out.append(HMAC_PREFIX), digest).toString();
  }
}
