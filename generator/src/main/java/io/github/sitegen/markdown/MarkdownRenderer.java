package io.github.sitegen.markdown;

import java.util.function.UnaryOperator;

/**
 * Renders archive Markdown to HTML with commonmark-java (GFM tables, strikethrough, autolinks,
 * heading anchors). One parser and renderer are shared; thread-safe.
 */
public final class MarkdownRenderer {

  /**
   * Renders Markdown to an HTML fragment.
   *
   * @param markdown the Markdown body
   * @param linkRewriter applied to every link and image destination (e.g. to point links at
   *     archived pages); return the argument to keep it
   */
  public String toHtml(String markdown, UnaryOperator<String> linkRewriter) {
    throw new UnsupportedOperationException("TODO(#2): MarkdownRenderer");
  }

  /**
   * The plain text of Markdown (for summaries, word counts and search), whitespace collapsed,
   * cut at a word boundary to at most {@code maxChars} characters with "…" appended when cut.
   */
  public String toPlainText(String markdown, int maxChars) {
    throw new UnsupportedOperationException("TODO(#2): MarkdownRenderer");
  }
}
