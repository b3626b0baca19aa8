package dev.mlops.core.deployment;

import dev.mlops.deployment.RolloutStep;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Sticky bucketing as Unleash does it: {@code bucket = murmur3_32(salt + ":" + key) mod 10000},
 * the hash read as an unsigned 32-bit number, so a key's bucket depends only on the rollout's salt
 * and a canary at weight {@code w} basis points serves the keys with {@code bucket < w}. Raising
 * the weight therefore never moves a key back to the primary.
 *
 * <p>The hash is MurmurHash3 x86 32-bit with seed 0 over the UTF-8 bytes, equal to Guava's
 * {@code Hashing.murmur3_32_fixed().hashString(salt + ":" + key, UTF_8)} (a property test holds
 * the two together, unpaired surrogates included, which both encode as {@code '?'}). It is
 * computed here without allocating: the salt's prefix state is mixed once, and each key's UTF-8
 * bytes are produced and mixed on the fly.
 *
 * <p>Immutable and thread-safe.
 */
final class StickyBuckets {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private final String salt;
  /** Mixing state after {@code salt + ":"}: h1 in the high 32 bits, pending bytes and their count below. */
  private final long prefixState;
  private final int prefixLength;

  StickyBuckets(String salt) {
    this.salt = Objects.requireNonNull(salt, "salt");
    String prefix = salt + ":";
    this.prefixState = feed(0L, prefix);
    this.prefixLength = prefix.getBytes(StandardCharsets.UTF_8).length;
  }

  String salt() {
    return salt;
  }

  /** Returns the key's bucket in {@code [0, 10000)}. */
  int bucket(String key) {
    return (int) (Integer.toUnsignedLong(hash(key)) % RolloutStep.FULL_WEIGHT_BPS);
  }

  /** Returns murmur3_32 of {@code salt + ":" + key}. */
  int hash(String key) {
    long state = feed(prefixState, key);
    int h1 = (int) (state >>> 32);
    int pending = (int) (state >>> 2) & 0xffffff;
    if ((state & 3) != 0) {
      h1 ^= mixK1(pending);
    }
    return fmix(h1 ^ (prefixLength + utf8Length(key)));
  }

  /** Mixes the UTF-8 bytes of {@code s} into a packed state (h1, up to 3 pending bytes, their count). */
  private static long feed(long state, String s) {
    int h1 = (int) (state >>> 32);
    int pending = (int) (state >>> 2) & 0xffffff;
    int count = (int) (state & 3);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int bytes;
      int length;
      if (c < 0x80) {
        bytes = c;
        length = 1;
      } else if (c < 0x800) {
        bytes = (0xc0 | (c >>> 6)) | ((0x80 | (c & 0x3f)) << 8);
        length = 2;
      } else if (!Character.isSurrogate(c)) {
        bytes = (0xe0 | (c >>> 12)) | ((0x80 | ((c >>> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
        length = 3;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        bytes = (0xf0 | (cp >>> 18)) | ((0x80 | ((cp >>> 12) & 0x3f)) << 8)
            | ((0x80 | ((cp >>> 6) & 0x3f)) << 16) | ((0x80 | (cp & 0x3f)) << 24);
        length = 4;
      } else {
        bytes = '?'; // what String.getBytes(UTF_8) writes for an unpaired surrogate
        length = 1;
      }
      for (int k = 0; k < length; k++) {
        pending |= ((bytes >>> (8 * k)) & 0xff) << (8 * count);
        if (++count == 4) {
          h1 = mixH1(h1, mixK1(pending));
          pending = 0;
          count = 0;
        }
      }
    }
    return ((long) h1 << 32) | ((long) (pending & 0xffffff) << 2) | count;
  }

  private static int utf8Length(String s) {
    int length = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (!Character.isSurrogate(c)) {
        length += 3;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 1;
      }
    }
    return length;
  }

  private static int mixK1(int k1) {
    return Integer.rotateLeft(k1 * C1, 15) * C2;
  }

  private static int mixH1(int h1, int k1) {
    return Integer.rotateLeft(h1 ^ k1, 13) * 5 + 0xe6546b64;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
