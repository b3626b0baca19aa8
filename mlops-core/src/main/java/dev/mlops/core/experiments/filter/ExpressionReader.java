package dev.mlops.core.experiments.filter;

import java.util.Locale;

/**
 * A cursor over a filter or order-by string that reads identifiers ({@code entity.key} with the
 * key bare, in backticks or in double quotes), quoted strings, numbers and words. Not
 * thread-safe; one per parse.
 */
final class ExpressionReader {
  private final String input;
  private int pos;

  ExpressionReader(String input) {
    this.input = input;
  }

  String input() {
    return input;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    skipSpace();
    return pos >= input.length();
  }

  char peek() {
    skipSpace();
    return pos < input.length() ? input.charAt(pos) : '\0';
  }

  IllegalArgumentException error(String problem) {
    return FilterSyntax.error(input, pos, problem);
  }

  /** Reads {@code entity.key}. */
  SearchKey identifier() {
    skipSpace();
    int start = pos;
    String word = word();
    if (word.isEmpty()) {
      throw error("expected an identifier such as metrics.rmse or params.`my key`");
    }
    SearchKey.Entity entity = SearchKey.entity(word, start, input);
    if (pos >= input.length() || input.charAt(pos) != '.') {
      throw error("expected '.' and a key after '" + word + "'");
    }
    pos++;
    int keyStart = pos;
    String key;
    if (pos < input.length() && (input.charAt(pos) == '`' || input.charAt(pos) == '"')) {
      key = quoted(input.charAt(pos));
    } else {
      while (pos < input.length() && isBareKeyChar(input.charAt(pos))) {
        pos++;
      }
      key = input.substring(keyStart, pos);
      if (key.isEmpty()) {
        throw error("expected a key after '" + word + ".'; put keys with spaces or '-' in backticks");
      }
    }
    return SearchKey.of(entity, key, keyStart, input);
  }

  /** Reads a word of letters and underscores, e.g. an entity or keyword; empty if none. */
  String word() {
    skipSpace();
    int start = pos;
    while (pos < input.length() && (Character.isLetter(input.charAt(pos)) || input.charAt(pos) == '_')) {
      pos++;
    }
    return input.substring(start, pos);
  }

  /** Reads a keyword and checks it is the expected one (case-insensitive). */
  boolean keyword(String expected) {
    skipSpace();
    int start = pos;
    String w = word();
    if (w.toUpperCase(Locale.ROOT).equals(expected)) {
      return true;
    }
    pos = start;
    return false;
  }

  /** Reads a comparison operator: {@code = != < <= > >=} or a word operator (LIKE, ILIKE, IN, NOT IN). */
  String operator() {
    skipSpace();
    int start = pos;
    if (pos < input.length()) {
      char c = input.charAt(pos);
      if (c == '=' || c == '<' || c == '>' || c == '!') {
        pos++;
        if (pos < input.length() && input.charAt(pos) == '=') {
          pos++;
        }
        String op = input.substring(start, pos);
        if (op.equals("!") || op.equals("==")) {
          pos = start;
          throw error("unknown operator '" + op + "'; expected =, !=, <, <=, >, >=, LIKE, ILIKE, IN");
        }
        return op;
      }
    }
    String w = word().toUpperCase(Locale.ROOT);
    if (w.equals("NOT")) {
      if (keyword("IN")) {
        return "NOT IN";
      }
      throw error("expected IN after NOT");
    }
    if (w.equals("LIKE") || w.equals("ILIKE") || w.equals("IN")) {
      return w;
    }
    pos = start;
    throw error("expected a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN)");
  }

  /** Reads a single- or double-quoted string; a doubled quote or a backslash escapes it. */
  String string() {
    skipSpace();
    if (pos >= input.length() || (input.charAt(pos) != '\'' && input.charAt(pos) != '"')) {
      throw error("expected a quoted string value such as 'tree'");
    }
    return quoted(input.charAt(pos));
  }

  /** Reads a number such as {@code 0.5}, {@code -1}, {@code 1e-3}. */
  double number() {
    skipSpace();
    int start = pos;
    while (pos < input.length() && "+-.0123456789eE".indexOf(input.charAt(pos)) >= 0) {
      pos++;
    }
    String text = input.substring(start, pos);
    try {
      if (text.isEmpty()) {
        throw new NumberFormatException("empty");
      }
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("expected a number, found '" + rest(10) + "'");
    }
  }

  void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private String quoted(char quote) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < input.length()) {
      char c = input.charAt(pos++);
      if (c == '\\' && pos < input.length()) {
        sb.append(input.charAt(pos++));
      } else if (c == quote) {
        if (pos < input.length() && input.charAt(pos) == quote) {
          sb.append(quote);
          pos++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
    pos = start;
    throw error("unterminated " + quote + " quote");
  }

  private String rest(int max) {
    return input.substring(pos, Math.min(input.length(), pos + max));
  }

  private static boolean isBareKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '/';
  }

  private void skipSpace() {
    while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
      pos++;
    }
  }
}
