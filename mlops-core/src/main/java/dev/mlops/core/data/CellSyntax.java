package dev.mlops.core.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The text forms of typed values in CSV cells: a strict decimal number grammar (Java's
 * {@code Double.parseDouble} alone would also take {@code "1d"}, hex and padded text), integers,
 * {@code true}/{@code false} and ISO-8601 timestamps.
 */
final class CellSyntax {
  private CellSyntax() {}

  /** Whether {@code s} is an optionally signed run of digits. */
  static boolean isInteger(String s) {
    int i = signLength(s);
    if (i == s.length()) {
      return false;
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** 2<sup>53</sup>: every integer up to this magnitude has its own double. */
  static final long EXACT_INTEGER_LIMIT = 1L << 53;

  /**
   * Whether an {@link #isInteger} text is within &plusmn;2<sup>53</sup>, so that distinct
   * integers stay distinct as doubles.
   */
  static boolean fitsDouble(String integer) {
    int i = signLength(integer);
    while (i < integer.length() - 1 && integer.charAt(i) == '0') {
      i++;
    }
    int digits = integer.length() - i;
    if (digits < 16) {
      return true;
    }
    return digits == 16 && Long.parseLong(integer.substring(i)) <= EXACT_INTEGER_LIMIT;
  }

  /**
   * Whether {@code s} is a decimal number ({@code -1.5}, {@code .5}, {@code 2e-3}) or one of
   * {@code NaN}, {@code Infinity}, {@code inf} with an optional sign.
   */
  static boolean isNumber(String s) {
    return special(s) != null || isDecimal(s);
  }

  /**
   * Parses a number accepted by {@link #isNumber}.
   *
   * @throws NumberFormatException if {@code s} is not one
   */
  static double parseNumber(String s) {
    Double special = special(s);
    if (special != null) {
      return special;
    }
    if (!isDecimal(s)) {
      throw new NumberFormatException(s);
    }
    return Double.parseDouble(s);
  }

  private static Double special(String s) {
    int sign = signLength(s);
    String body = s.substring(sign);
    boolean negative = sign == 1 && s.charAt(0) == '-';
    if (body.equals("NaN") || body.equals("nan")) {
      return sign == 0 ? Double.NaN : null;
    }
    if (body.equals("Infinity") || body.equals("inf") || body.equals("Inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  private static boolean isDecimal(String s) {
    int i = signLength(s);
    int digits = 0;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == s.length();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int signLength(String s) {
    return !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
  }

  /** Returns TRUE or FALSE for {@code true}/{@code false} in any case, else {@code null}. */
  static Boolean parseBoolean(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  /**
   * Parses an ISO-8601 timestamp: an instant ({@code 2024-05-01T10:00:00Z}), a date-time with
   * offset, a local date-time or a date (both taken as UTC). Returns {@code null} if {@code s} is
   * none of these.
   */
  static Instant parseTimestamp(String s) {
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char last = s.charAt(s.length() - 1);
      if (last == 'Z' || last == 'z') {
        return Instant.parse(s);
      }
      int t = s.indexOf('T');
      if (t > 0 && (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0)) {
        return OffsetDateTime.parse(s).toInstant();
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
