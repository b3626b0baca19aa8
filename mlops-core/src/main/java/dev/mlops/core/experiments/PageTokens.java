package dev.mlops.core.experiments;

import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The opaque page tokens of {@code searchRuns} (an offset into the sorted matches) and the page
 * they cut, shared by every store so that paging means the same everywhere. Stateless.
 */
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

  /**
   * Sorts the matches in place and cuts the page that starts at {@code offset}, with the token of
   * the next page when more remain.
   */
  static RunPage page(List<RunRecord> matching, Comparator<? super RunRecord> order, int offset, int maxResults) {
    matching.sort(order);
    int from = Math.min(offset, matching.size());
    int to = Math.min(matching.size(), from + maxResults);
    Optional<String> next = to < matching.size() ? Optional.of(encode(to)) : Optional.empty();
    return new RunPage(matching.subList(from, to), next);
  }
}
