package io.github.sitegen.markdown;

import static java.util.Objects.requireNonNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Converts (untrusted) HTML to CommonMark/GFM Markdown with a jsoup node visitor. Scripts, styles,
 * event handlers and {@code javascript:} URLs are dropped; relative URLs are resolved against the
 * base URI; nothing is fetched. Thread-safe.
 *
 * <p>The output is meant to read like hand-written Markdown: ATX headings, fenced code, {@code -}
 * bullets, {@code *} emphasis, {@code **} strong, inline links, GFM tables, no hard wrapping, and
 * only the escapes that keep text from turning into Markdown or HTML. Whitespace is collapsed as a
 * browser would; no-break spaces are kept as they are. For example:
 *
 * <pre>{@code
 * new HtmlToMarkdown().convert("<p><strong>Note :</strong> voir <a href=\"/a\">ici</a></p>",
 *     "https://next.ink/") // "**Note :** voir [ici](https://next.ink/a)\n"
 * }</pre>
 *
 * <p>Lists are tight or loose as their HTML is (a {@code <p>} in an item makes the list loose).
 * What Markdown cannot say degrades to its closest form: an iframe, video or audio becomes a link
 * to its source, a figure caption an emphasised paragraph under its image, a definition list bold
 * terms and paragraphs, {@code <sup>}/{@code <sub>} their plain text; tracking pixels and hidden
 * frames are dropped. Block quotes and lists nested deeper than 32 levels are flattened into the
 * 32nd. The whole table is in the README, section "HTML to Markdown".
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
    requireNonNull(html, "html");
    requireNonNull(baseUri, "baseUri");
    if (html.isEmpty()) {
      return "";
    }
    return convert(Jsoup.parseBodyFragment(html, baseUri).body(), baseUri);
  }

  /** Converts a parsed tree (its root element's own tag is treated as a plain container). */
  String convert(Element root, String baseUri) {
    return new MarkdownConversion(baseUri).convert(root);
  }
}
