package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 10,000 levels of nesting convert without a {@link StackOverflowError}. */
class HtmlToMarkdownDeepNestingTest {

  private static final int DEPTH = 10_000;

  private final HtmlToMarkdown converter = new HtmlToMarkdown();

  @ParameterizedTest(name = "<{0}>{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          div        | ''
          blockquote | ''
          ul         | li
          em         | ''
          span       | strong
          table      | tr><td
          """)
  void convertsDeeplyNestedElements(String outer, String inner) {
    String open = "<" + outer + ">" + (inner.isEmpty() ? "" : "<" + inner + ">");
    String html = open.repeat(DEPTH) + "fond";

    String markdown = converter.convert(html, "");

    assertThat(markdown).contains("fond").endsWith("\n");
    assertThat(RoundTrip.textOfMarkdown(markdown)).isEqualTo("fond");
  }
}
