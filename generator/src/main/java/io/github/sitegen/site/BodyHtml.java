package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import io.github.sitegen.markdown.MarkdownRenderer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of article bodies for one build. An article shows on several pages (its own page, the
 * reading views, the feeds), and links to other archived articles or images are relative to the
 * page showing it; so each body is rendered once with such links as markers, kept (within a
 * memory budget), and only the markers are resolved per page. Thread-safe.
 */
final class BodyHtml {
  /** A site path stands in a link as {@code href="/__site-gen-link__/2026/02/05/slug/index.html#x"}. */
  private static final String MARK = "/__site-gen-link__/";

  private static final Pattern MARKED =
      Pattern.compile("((?:href|src)=\")" + Pattern.quote(MARK) + "([^\"]*)\"");

  private final MarkdownRenderer markdown;
  private final InternalLinks links;
  private final BodyLoader bodies;
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private final AtomicLong cachedChars = new AtomicLong();
  private final long budgetChars;

  BodyHtml(MarkdownRenderer markdown, InternalLinks links, BodyLoader bodies) {
    this.markdown = markdown;
    this.links = links;
    this.bodies = bodies;
    // up to an eighth of the heap (two bytes a character at worst); past it, bodies are rendered
    // again each time they are shown rather than kept
    this.budgetChars = Runtime.getRuntime().maxMemory() / 16;
  }

  /**
   * The body of the article whose page is {@code articlePage}, as shown on page {@code from}, its
   * ids prefixed with {@code idPrefix}.
   */
  String html(Article article, String articlePage, String from, String idPrefix) throws IOException {
    String marked = cache.get(articlePage);
    if (marked == null) {
      marked = markdown.toHtml(bodies.body(article), url -> links.target(url).map(t -> MARK + t).orElse(url), "");
      if (cachedChars.addAndGet(marked.length()) <= budgetChars) {
        cache.putIfAbsent(articlePage, marked);
      } else {
        cachedChars.addAndGet(-marked.length());
      }
    }
    return MarkdownRenderer.withIdPrefix(resolve(marked, from), idPrefix);
  }

  /** The markers as links relative to page {@code from}. */
  private static String resolve(String marked, String from) {
    if (!marked.contains(MARK)) {
      return marked;
    }
    Matcher m = MARKED.matcher(marked);
    StringBuilder out = new StringBuilder(marked.length());
    while (m.find()) {
      String target = m.group(2).replace("&amp;", "&");
      String link = InternalLinks.relative(from, target).replace("&", "&amp;");
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + link + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }
}
