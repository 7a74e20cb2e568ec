package io.github.sitegen.site;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.archive.Article;
import io.github.sitegen.markdown.MarkdownRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
  private final Reporter reporter;
  /** Articles whose body could not be parsed, already reported. */
  private final Set<Path> shownAsText = ConcurrentHashMap.newKeySet();
  private final Map<String, Body> cache = new ConcurrentHashMap<>();
  private final AtomicLong cachedChars = new AtomicLong();
  private final long budgetChars;

  /**
   * A body rendered with markers for site links, its reading time, and the link and image
   * destinations it holds (for the build cache: whether its HTML changes with the site's links).
   */
  record Body(String marked, int minutes, List<String> destinations) {}

  /**
   * A body parsed for its article page and the search index.
   *
   * @param text its plain text, whitespace collapsed ({@code ""} unless asked for)
   * @param minutes minutes to read it
   */
  record Parsed(String text, int minutes) {}

  private final @Nullable Consumer<Rendering> rendered;

  /**
   * A body just rendered, for the build cache; {@code marked} is its HTML with markers for site
   * links, null when it could only be shown as text.
   */
  record Rendering(
      String articlePage, int minutes, List<String> destinations, @Nullable String marked) {}

  /** Bodies an earlier build rendered, by article page (null: none), tried before rendering one. */
  private final @Nullable Function<String, @Nullable Body> stored;

  /**
   * Pages still to show each body, by article page: a body is kept only while another page will
   * show it, and dropped after its last one. Null: every body is kept (within the budget).
   */
  private final @Nullable Map<String, AtomicInteger> uses;

  /**
   * Reports to {@code reporter} a body it can only show as text, tells {@code rendered} (if any) of
   * every body it renders, and keeps a body only until the last of the {@code uses} pages showing
   * it (by article page) has shown it (null: every body, within the budget). A body a page shows
   * whose article page was not rendered is taken from {@code stored} when it has it (null: always
   * rendered).
   */
  BodyHtml(
      MarkdownRenderer markdown,
      InternalLinks links,
      BodyLoader bodies,
      Reporter reporter,
      @Nullable Consumer<Rendering> rendered,
      @Nullable Map<String, Integer> uses,
      @Nullable Function<String, @Nullable Body> stored) {
    this.markdown = markdown;
    this.links = links;
    this.bodies = bodies;
    this.reporter = reporter;
    this.rendered = rendered;
    this.stored = stored;
    if (uses == null) {
      this.uses = null;
    } else {
      this.uses = new ConcurrentHashMap<>();
      uses.forEach((page, n) -> this.uses.put(page, new AtomicInteger(n)));
    }
    // up to an eighth of the heap (two bytes a character at worst); past it, bodies are rendered
    // again each time they are shown rather than kept
    this.budgetChars = Runtime.getRuntime().maxMemory() / 16;
  }

  /**
   * Parses the body of the article whose page is {@code articlePage} and keeps its HTML for the
   * pages that show it (within the memory budget); its plain text comes back, not kept. Without
   * {@code withText}, a body already kept (or stored by an earlier build) is not parsed again.
   */
  Parsed parse(Article article, String articlePage, boolean withText) throws IOException {
    if (!withText) {
      return new Parsed("", body(article, articlePage, true).minutes());
    }
    List<String> destinations = new ArrayList<>();
    MarkdownRenderer.Rendered rendered = render(article, withText, destinations);
    // kept even when its page is its only one: that page is rendered right after, and asks for it
    Body body = keep(articlePage, made(articlePage, rendered, destinations), true);
    return new Parsed(rendered.text(), body.minutes());
  }

  /** A body as a page shows it, and the minutes to read it. */
  record Shown(String html, int minutes) {}

  /**
   * The body of the article whose page is {@code articlePage}, as shown on page {@code from}, its
   * ids prefixed with {@code idPrefix}, and its reading time.
   */
  Shown show(Article article, String articlePage, String from, String idPrefix) throws IOException {
    Body body = body(article, articlePage, false);
    AtomicInteger left = uses == null ? null : uses.get(articlePage);
    if (left != null && left.decrementAndGet() <= 0) {
      Body dropped = cache.remove(articlePage); // its last page: no need to keep it
      if (dropped != null) {
        cachedChars.addAndGet(-dropped.marked().length());
      }
    }
    return new Shown(
        MarkdownRenderer.withIdPrefix(resolve(body.marked(), from), idPrefix), body.minutes());
  }

  /**
   * The body as kept, stored by an earlier build, or else rendered; then kept, when {@code
   * parsing} (for its article page, rendered next) or when another page will show it.
   */
  private Body body(Article article, String articlePage, boolean parsing) throws IOException {
    Body body = cache.get(articlePage);
    if (body != null) {
      return body;
    }
    body = stored == null ? null : stored.apply(articlePage);
    if (body == null) {
      List<String> destinations = new ArrayList<>();
      body = made(articlePage, render(article, false, destinations), destinations);
    }
    return keep(articlePage, body, parsing);
  }

  private MarkdownRenderer.Rendered render(
      Article article, boolean withText, List<String> destinations) throws IOException {
    MarkdownRenderer.Rendered rendered =
        markdown.render(
            bodies.body(article),
            url -> {
              destinations.add(url);
              return links.target(url).map(t -> MARK + t).orElse(url);
            },
            withText);
    if (rendered.plain() && shownAsText.add(article.file())) {
      reporter.problem(
          Problem.warning(
              article.file().toString(),
              0,
              "body: Markdown nested too deeply to parse (thousands of quote, list or emphasis levels):"
                  + " shown as plain text"));
    }
    return rendered;
  }

  /** A body just rendered, told to the build cache. */
  private Body made(
      String articlePage, MarkdownRenderer.Rendered rendered, List<String> destinations) {
    // 200 words a minute, at least one minute
    Body body =
        new Body(
            rendered.html(), Math.max(1, (rendered.words() + 199) / 200), List.copyOf(destinations));
    if (this.rendered != null) {
      this.rendered.accept(
          new Rendering(
              articlePage,
              body.minutes(),
              body.destinations(),
              rendered.plain() ? null : body.marked()));
    }
    return body;
  }

  /** Keeps {@code body} for the pages still to show it (within the budget). */
  private Body keep(String articlePage, Body body, boolean parsing) {
    AtomicInteger left = uses == null ? null : uses.get(articlePage);
    if (!parsing && left != null && left.get() <= 1) {
      return body; // no page but the one being made will show it
    }
    if (cachedChars.addAndGet(body.marked().length()) <= budgetChars) {
      Body previous = cache.putIfAbsent(articlePage, body);
      if (previous != null) {
        cachedChars.addAndGet(-body.marked().length());
        return previous;
      }
    } else {
      cachedChars.addAndGet(-body.marked().length());
    }
    return body;
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
