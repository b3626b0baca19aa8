package dev.mlops.feedback;

import java.util.Arrays;
import java.util.Objects;

/**
 * The secret with which sensitive fields are hashed (HMAC-SHA256). Supplied by the host (from its
 * secret store or a key file), held only in memory, and never written anywhere: its
 * {@link #toString()} says {@code HmacKey[redacted]}.
 *
 * <p>Immutable and thread-safe: it keeps a private copy of the bytes.
 */
public final class HmacKey {
  /** Shortest key accepted, in bytes: {@value} (128 bits, NIST SP 800-107's floor for HMAC keys). */
  public static final int MIN_BYTES = 16;

  private final byte[] bytes;

  private HmacKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of the key bytes.
   *
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_BYTES} bytes
   */
  public static HmacKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "HMAC key must have at least " + MIN_BYTES + " bytes, had " + key.length);
    }
    return new HmacKey(key.clone());
  }

  /** Returns a copy of the key bytes, for the hashing implementation. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Two keys are equal when their bytes are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof HmacKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "HmacKey[redacted]";
  }
}
