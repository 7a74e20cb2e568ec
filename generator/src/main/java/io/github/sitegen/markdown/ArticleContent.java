package io.github.sitegen.markdown;

import static java.util.Objects.requireNonNull;

/**
 * An article body taken apart: the Markdown text and what was lifted out of the HTML around it.
 *
 * @param markdown the body in Markdown, without a repeated title or paywall notice
 * @param subtitle the kicker line above the title (e.g. Next's {@code p.next-subtitle}), or {@code
 *     ""}
 * @param truncated true when the HTML ends with a paywall notice (the feed gives only the start)
 * @param paywallPercent the share of the article left behind the paywall, 0 when unknown
 */
public record ArticleContent(String markdown, String subtitle, boolean truncated, int paywallPercent) {
  public ArticleContent {
    requireNonNull(markdown, "markdown");
    requireNonNull(subtitle, "subtitle");
  }
}
