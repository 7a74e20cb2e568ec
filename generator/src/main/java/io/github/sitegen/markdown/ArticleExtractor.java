package io.github.sitegen.markdown;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns an item's HTML content into an {@link ArticleContent}: lifts the kicker out into the
 * subtitle, drops a heading that repeats the title, detects and removes a paywall notice, then
 * converts the rest with {@link HtmlToMarkdown}. Thread-safe.
 *
 * <p>The kicker is a short leading element whose class names a subtitle ({@code subtitle}, {@code
 * kicker}, {@code surtitre}), like Next's {@code <p class="next-subtitle">}. The repeated title is a
 * leading {@code h1} whose text equals the title once entities, whitespace (no-break spaces
 * included) and apostrophes are normalised. The paywall notice is any short element whose class
 * contains {@code paywall}; its "80 %" gives {@link ArticleContent#paywallPercent()}. Content
 * without such a header (Next's brèves) is converted as it is.
 *
 * <pre>{@code
 * ArticleContent content = new ArticleExtractor().extract(html, "https://next.ink/", title);
 * content.subtitle(); // "Qui c'est qu'a la plus Grok ?"
 * }</pre>
 */
public final class ArticleExtractor {

  /** A kicker longer than this is a paragraph, not a kicker. */
  private static final int MAX_SUBTITLE_CHARS = 200;

  /** A paywall notice longer than this is probably a wrapper around the article: keep it. */
  private static final int MAX_PAYWALL_CHARS = 500;

  private final HtmlToMarkdown converter = new HtmlToMarkdown();

  /**
   * Extracts the article.
   *
   * @param html the item's HTML content
   * @param baseUri base for relative URLs, or {@code ""}
   * @param title the item's title, to recognise a repeated title heading
   */
  public ArticleContent extract(String html, String baseUri, String title) {
    requireNonNull(html, "html");
    requireNonNull(baseUri, "baseUri");
    requireNonNull(title, "title");
    return extract(Jsoup.parseBodyFragment(html, baseUri).body(), baseUri, title);
  }

  /**
   * Extracts the article from HTML already parsed, such as {@link HtmlSanitizer#clean}'s: the same
   * as {@link #extract(String, String, String)} with that HTML. The element is changed (the
   * subtitle, a repeated title and paywall notices are taken out of it).
   *
   * @param body the element holding the content (a document's body)
   */
  public ArticleContent extract(Element body, String baseUri, String title) {
    requireNonNull(body, "body");
    requireNonNull(baseUri, "baseUri");
    requireNonNull(title, "title");

    String subtitle = "";
    Element first = firstElement(body);
    if (first != null && isSubtitle(first)) {
      subtitle = first.text().strip();
      first.remove();
      first = firstElement(body);
    }
    if (first != null
        && first.nameIs("h1")
        && !title.isBlank()
        && normalise(first.text()).equals(normalise(Parser.unescapeEntities(title, false)))) {
      first.remove();
    }

    boolean truncated = false;
    int percent = 0;
    for (Element notice : body.select("[class*=paywall]")) {
      String text = notice.text();
      if (text.length() > MAX_PAYWALL_CHARS) {
        continue;
      }
      if (!truncated) {
        percent = percentIn(text);
      }
      truncated = true;
      notice.remove();
    }

    return new ArticleContent(converter.convert(body, baseUri), subtitle, truncated, percent);
  }

  /** The first child element, when only whitespace text comes before it. */
  private static Element firstElement(Element body) {
    for (Node node : body.childNodes()) {
      if (node instanceof Element el) {
        return el;
      }
      if (node instanceof TextNode text && !text.isBlank()) {
        return null;
      }
    }
    return null;
  }

  private static boolean isSubtitle(Element el) {
    String classes = el.className().toLowerCase(Locale.ROOT);
    boolean named =
        classes.contains("subtitle") || classes.contains("kicker") || classes.contains("surtitre");
    String text = el.text().strip();
    return named && !text.isEmpty() && text.length() <= MAX_SUBTITLE_CHARS;
  }

  /** For comparing titles: whitespace collapsed, typographic apostrophes and quotes as ASCII. */
  static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      switch (c) {
        case '\u2019', '\u2018', '\u02bc', '\u2032' -> sb.append('\'');
        case '\u201c', '\u201d', '\u00ab', '\u00bb' -> sb.append('"');
        case '\u2026' -> sb.append("...");
        default -> sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** The number before the first "%" ("Il reste 80% de l'article", "80 % remaining"), or 0. */
  static int percentIn(String text) {
    int at = text.indexOf('%');
    while (at >= 0) {
      int end = at;
      while (end > 0 && Character.isSpaceChar(text.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && end - start < 3 && Character.isDigit(text.charAt(start - 1))) {
        start--;
      }
      if (start < end) {
        return Math.min(100, Integer.parseInt(text.substring(start, end)));
      }
      at = text.indexOf('%', at + 1);
    }
    return 0;
  }
}
