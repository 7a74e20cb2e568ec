package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The literal texts of issue #3 stay text in every context the converter writes: they come back as
 * the same text, and the Markdown never holds raw HTML (an {@code HtmlInline} or {@code HtmlBlock}
 * node) that a renderer could pass through.
 */
class HtmlToMarkdownEscapingTest {

  private static final List<String> LITERALS =
      List.of(
          "*x*",
          "_x_",
          "# ",
          "# titre",
          "1. un",
          "1) un",
          "- tiret",
          "+ plus",
          "[x](y)",
          "[x]: /y",
          "`",
          "``a``",
          "<div>",
          "&lt;div&gt;",
          "&lt;script&gt;alert(1)&lt;/script&gt;",
          "&lt;!-- x --&gt;",
          "a | b",
          "|",
          "fin\\",
          "\\",
          "\\*",
          "&amp;amp;",
          "&amp;#42;",
          "~~x~~",
          "***",
          "---",
          "===",
          "> cité",
          "![x](y)",
          "<https://x.org>",
          "&lt;https://x.org&gt;",
          "**x**",
          "__x__",
          "a*b*c",
          "x_y_z",
          "1.",
          "    code",
          "\t");

  private static final List<String> CONTEXTS =
      List.of(
          "<p>%s</p>",
          "<p>avant %s après</p>",
          "<p>a<br>%s</p>",
          "<h2>%s</h2>",
          "<ul><li>%s</li></ul>",
          "<ol><li>%s</li></ol>",
          "<blockquote>%s</blockquote>",
          "<p><em>%s</em></p>",
          "<p><strong>%s</strong>x</p>",
          "<p><a href=\"/l\">%s</a></p>",
          "<table><tr><th>%s</th></tr><tr><td>%s</td></tr></table>",
          "<p>%s<a href=\"/l\">lien</a></p>");

  private final HtmlToMarkdown converter = new HtmlToMarkdown();

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String context : CONTEXTS) {
      for (String literal : LITERALS) {
        cases.add(Arguments.of(literal, context));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("cases")
  void literalTextStaysText(String literal, String context) {
    String html = context.replace("%s", literal);

    String markdown = converter.convert(html, "");

    assertThat(RoundTrip.textOfMarkdown(markdown))
        .as("%s\nconverted to\n%s", html, markdown)
        .isEqualTo(RoundTrip.textOfHtml(html));
    assertThat(CommonMarkRoundTripTest.hasRawHtml(RoundTrip.parse(markdown)))
        .as("raw HTML in\n%s", markdown)
        .isFalse();
  }
}
