package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The allocation-free murmur3 against Guava's, and the monotone stickiness it gives a canary. */
class StickyBucketsProperties {

  private static int guava(String salt, String key) {
    return Hashing.murmur3_32_fixed().hashString(salt + ":" + key, StandardCharsets.UTF_8).asInt();
  }

  @Test
  void hashEqualsGuavasMurmur3OnAnyUnicodeIncludingUnpairedSurrogates() {
    qt().withExamples(2000)
        .forAll(strings().allPossible().ofLengthBetween(0, 12), strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert((salt, key) -> assertThat(new StickyBuckets(salt).hash(key)).isEqualTo(guava(salt, key)));
  }

  @Test
  void hashEqualsGuavasOnAsciiKeysOfEveryLengthModFour() {
    qt().withExamples(1000)
        .forAll(strings().ascii().ofLengthBetween(0, 9), strings().ascii().ofLengthBetween(0, 33))
        .checkAssert((salt, key) -> assertThat(new StickyBuckets(salt).hash(key)).isEqualTo(guava(salt, key)));
  }

  @Test
  void bucketIsTheUnsignedHashModTenThousand() {
    StickyBuckets b = new StickyBuckets("rollout-7");
    for (String key : new String[] {"user-1", "user-2", "ünïcødé", "\uD83D\uDE00", ""}) {
      assertThat(b.bucket(key)).isEqualTo((int) (Integer.toUnsignedLong(guava("rollout-7", key)) % 10_000));
    }
  }

  @Test
  void aKeysBucketNeverFlipsBackToThePrimaryAsTheWeightGrows() {
    qt().withExamples(500)
        .forAll(strings().ascii().ofLengthBetween(1, 20), integers().between(0, 10_000), integers().between(0, 10_000))
        .checkAssert((key, w1, w2) -> {
          int low = Math.min(w1, w2);
          int high = Math.max(w1, w2);
          int bucket = new StickyBuckets("salt").bucket(key);
          if (bucket < low) {
            assertThat(bucket).isLessThan(high);
          }
          assertThat(bucket).isBetween(0, 9_999);
        });
  }
}
