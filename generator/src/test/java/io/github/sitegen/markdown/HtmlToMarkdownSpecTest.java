package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples of {@code spec/html-to-markdown.md}: expected output, then a text round trip. */
class HtmlToMarkdownSpecTest {

  private final HtmlToMarkdown converter = new HtmlToMarkdown();

  static List<SpecExample> examples() {
    return SpecReader.read("/spec/html-to-markdown.md");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void convertsAsTheSpecSays(SpecExample example) {
    String markdown = converter.convert(example.html(), example.baseUri());

    assertThat(markdown)
        .as("%s (line %d)", example, example.line())
        .isEqualTo(example.markdown());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void keepsTheTextThroughARoundTrip(SpecExample example) {
    assumeTrue(example.roundTrip(), "the text changes on purpose");

    String text = RoundTrip.textOfMarkdown(example.markdown());

    assertThat(text)
        .as("%s (line %d) rendered back", example, example.line())
        .isEqualTo(RoundTrip.textOfHtml(example.html()));
  }
}
