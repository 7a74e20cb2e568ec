package io.github.sitegen.markdown;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Allow-list sanitiser for feed HTML, applied on import before any conversion: only text markup,
 * links, images, lists, tables, quotes and code survive; scripts, styles, frames, forms, SVG and
 * MathML go with their content; every {@code on*} attribute and {@code style} goes; {@code href}
 * and {@code src} keep only {@code http}, {@code https} and {@code mailto} URLs (and relative ones
 * resolving to them), so {@code javascript:}, {@code data:} and {@code vbscript:} never reach the
 * archive. {@code class} is kept everywhere (the extractor reads Next's {@code next-subtitle}, its
 * paywall notice...). Uses jsoup's iterative {@link Cleaner}: deep nesting cannot overflow the
 * stack. Thread-safe.
 *
 * <pre>{@code
 * HtmlSanitizer.sanitize("<p onclick=\"x()\">Hi<script>alert(1)</script></p>", "")  // "<p>Hi</p>"
 * }</pre>
 */
public final class HtmlSanitizer {

  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "small", "abbr", "time")
          .addAttributes(":all", "class", "title", "lang", "dir")
          .addAttributes("a", "href", "rel")
          .addAttributes("img", "src", "alt", "width", "height")
          .addAttributes("abbr", "title")
          .addAttributes("time", "datetime")
          .addProtocols("a", "href", "http", "https", "mailto")
          .preserveRelativeLinks(true);

  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#\"'<>]+[^\\s\"'<>]*");

  private HtmlSanitizer() {}

  /**
   * The allowed part of an HTML fragment, as HTML; {@code ""} for empty input.
   *
   * @param baseUri base the relative URLs are checked against (they stay relative); {@code ""}
   *     when unknown, in which case relative URLs are dropped
   */
  public static String sanitize(String html, String baseUri) {
    if (html.isBlank()) {
      return "";
    }
    Document dirty = Jsoup.parseBodyFragment(html, baseUri);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  /**
   * The URL when it is an absolute {@code http}/{@code https} URL, else {@code ""}: for links and
   * images that end up in {@code href}/{@code src} attributes.
   */
  public static String safeUrl(String url) {
    String trimmed = url.strip();
    return WEB_URL.matcher(trimmed).matches() ? trimmed : "";
  }
}
