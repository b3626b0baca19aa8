package dev.mlops.core.profile;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * A HyperLogLog distinct counter (Flajolet, Fusy, Gandouet and Meunier, 2007) with 2<sup>p</sup>
 * one-byte registers over the 64-bit MurmurHash3 (x64, 128-bit, first 8 bytes, seed 0) of the
 * UTF-8 bytes of a value, with linear counting for small cardinalities (Heule, Nunkesser and
 * Hall, "HyperLogLog in Practice", 2013). Merging takes register-wise maxima, so it is exactly
 * commutative and associative. Relative standard error 1.04/√(2<sup>p</sup>).
 *
 * <p>Not thread-safe: a mutable accumulator, copied before it is shared.
 */
final class HyperLogLog {
  private final int precision;
  private final byte[] registers;

  HyperLogLog(int precision) {
    this.precision = precision;
    this.registers = new byte[1 << precision];
  }

  static HyperLogLog restore(int precision, byte[] registers) {
    if (registers.length != 1 << precision) {
      throw new IllegalArgumentException("HyperLogLog of precision " + precision + " needs "
          + (1 << precision) + " registers, had " + registers.length);
    }
    HyperLogLog h = new HyperLogLog(precision);
    for (int i = 0; i < registers.length; i++) {
      if (registers[i] < 0 || registers[i] > 64 - precision + 1) {
        throw new IllegalArgumentException("HyperLogLog register " + i + " holds " + registers[i]
            + ", expected 0.." + (64 - precision + 1));
      }
    }
    System.arraycopy(registers, 0, h.registers, 0, registers.length);
    return h;
  }

  HyperLogLog copy() {
    return restore(precision, registers);
  }

  int precision() {
    return precision;
  }

  byte[] registers() {
    return registers.clone();
  }

  void add(String value) {
    addHash(Hashing.murmur3_128().hashString(value, StandardCharsets.UTF_8).asLong());
  }

  void addHash(long hash) {
    int index = (int) (hash >>> (64 - precision));
    // the remaining bits, with a sentinel so that the rank never exceeds 64 - p + 1
    long rest = (hash << precision) | (1L << (precision - 1));
    byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
    if (rank > registers[index]) {
      registers[index] = rank;
    }
  }

  void merge(HyperLogLog other) {
    if (other.precision != precision) {
      throw new IllegalArgumentException("cannot merge HyperLogLog counters of precision "
          + precision + " and " + other.precision);
    }
    for (int i = 0; i < registers.length; i++) {
      registers[i] = (byte) Math.max(registers[i], other.registers[i]);
    }
  }

  double estimate() {
    int m = registers.length;
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += Math.scalb(1.0, -r);
      if (r == 0) {
        zeros++;
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / m);
    double raw = alpha * m * (double) m / sum;
    if (raw <= 2.5 * m && zeros > 0) {
      return m * Math.log((double) m / zeros);
    }
    return raw;
  }

  double relativeError() {
    return 1.04 / Math.sqrt(registers.length);
  }
}
