package io.github.sitegen.markdown;

/**
 * Converts (untrusted) HTML to CommonMark/GFM Markdown with a jsoup node visitor. Scripts, styles,
 * event handlers and {@code javascript:} URLs are dropped; relative URLs are resolved against the
 * base URI; nothing is fetched. Thread-safe.
 */
public final class HtmlToMarkdown {

  /**
   * Converts an HTML fragment to Markdown.
   *
   * @param html the HTML fragment; {@code ""} gives {@code ""}
   * @param baseUri base for relative URLs, or {@code ""} to leave them as they are
   * @return Markdown text ending with exactly one {@code \n}, or {@code ""} when empty
   */
  public String convert(String html, String baseUri) {
    throw new UnsupportedOperationException("TODO(#2): HtmlToMarkdown");
  }
}
