package io.github.sitegen.markdown;

import org.jsoup.Jsoup;

/** Plain text of HTML fragments, for summaries and titles. Thread-safe. */
public final class HtmlText {
  private HtmlText() {}

  /**
   * The text a reader sees in an HTML fragment: tags removed, entities decoded, whitespace runs
   * (not no-break spaces) collapsed to one space, trimmed. {@code ""} for empty input.
   */
  public static String of(String html) {
    if (html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip().replaceAll("[ \\t\\n\\r\\f]+", " ");
    }
    return Jsoup.parseBodyFragment(html).body().text().strip();
  }
}
