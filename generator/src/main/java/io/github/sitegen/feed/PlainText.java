package io.github.sitegen.feed;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reduces feed titles to plain text, so that the same title compares equal whether it came from an
 * RSS {@code <title>} (text, sometimes escaped HTML) or an Atom {@code <title type="html">}.
 * Whitespace runs become one space; no-break spaces are kept (French typography needs them).
 */
final class PlainText {

  // ASCII whitespace only: U+00A0 must survive, as it does in the RSS form of the same title.
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");

  /** A tag ({@code <b>}, {@code </b>}, {@code <!--}) or an entity reference ({@code &#8217;}). */
  private static final Pattern LOOKS_LIKE_HTML =
      Pattern.compile("<[a-zA-Z/!]|&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");

  private PlainText() {}

  /**
   * Text content of an HTML fragment: tags dropped, entities decoded, scripts and styles left out.
   */
  static String ofHtml(String html) {
    // jsoup's text() would turn U+00A0 into a space; wholeText() keeps it and skips script/style
    return ofText(Jsoup.parseBodyFragment(html).body().wholeText());
  }

  /** Plain text with whitespace runs collapsed and the ends trimmed. */
  static String ofText(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  /**
   * RSS titles are text by the spec, but many feeds put escaped HTML in them ({@code
   * &amp;lt;b&amp;gt;}, {@code &amp;#8217;}): when the text looks like HTML it is read as HTML.
   */
  static String ofRssText(String text) {
    return LOOKS_LIKE_HTML.matcher(text).find() ? ofHtml(text) : ofText(text);
  }
}
