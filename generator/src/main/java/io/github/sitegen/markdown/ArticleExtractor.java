package io.github.sitegen.markdown;

/**
 * Turns an item's HTML content into an {@link ArticleContent}: lifts the kicker out into the
 * subtitle, drops a heading that repeats the title, detects and removes a paywall notice, then
 * converts the rest with {@link HtmlToMarkdown}. Thread-safe.
 */
public final class ArticleExtractor {

  /**
   * Extracts the article.
   *
   * @param html the item's HTML content
   * @param baseUri base for relative URLs, or {@code ""}
   * @param title the item's title, to recognise a repeated title heading
   */
  public ArticleContent extract(String html, String baseUri, String title) {
    throw new UnsupportedOperationException("TODO(#2): ArticleExtractor");
  }
}
