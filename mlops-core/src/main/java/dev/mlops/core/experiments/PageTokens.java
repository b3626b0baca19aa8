package dev.mlops.core.experiments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque page tokens of {@code searchRuns}: an offset into the sorted matches. Stateless. */
final class PageTokens {
  private PageTokens() {}

  static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("offset:")) {
        throw new IllegalArgumentException("no offset");
      }
      int offset = Integer.parseInt(text.substring("offset:".length()));
      if (offset < 0) {
        throw new IllegalArgumentException("negative offset");
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid page token '" + token
          + "': pass the nextPageToken of a previous page", e);
    }
  }
}
