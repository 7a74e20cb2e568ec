package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random text, heavy in Markdown punctuation, in random inline structure: whatever it is, the
 * Markdown must render back to the same text. This is what catches escaping bugs.
 */
class HtmlToMarkdownPropertyTest {

  private static final String ALPHABET = "*_[]()#<>&\\`!|-+.0123456789 ~=:;\"'abcxyzAB\u00a0é«»\n";
  private static final String[] INLINE = {"em", "strong", "a", "code", "span", "del", "b"};

  private final HtmlToMarkdown converter = new HtmlToMarkdown();

  @Test
  void randomInlineTextSurvivesARoundTrip() {
    Random random = new Random(20260205);
    for (int i = 0; i < 3000; i++) {
      String html = "<p>" + fragment(random, 0) + "</p>";

      String markdown = converter.convert(html, "");

      assertThat(RoundTrip.textOfMarkdown(markdown))
          .as("case %d: %s\nconverted to:\n%s", i, visible(html), visible(markdown))
          .isEqualTo(RoundTrip.textOfHtml(html));
    }
  }

  @Test
  void randomTextAfterLineBreaksAndInListsSurvivesARoundTrip() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      String html =
          "<ul><li>"
              + fragment(random, 1)
              + "<br>"
              + fragment(random, 1)
              + "</li></ul><blockquote>"
              + text(random)
              + "<br>"
              + text(random)
              + "</blockquote>";

      String markdown = converter.convert(html, "");

      assertThat(RoundTrip.textOfMarkdown(markdown))
          .as("case %d: %s\nconverted to:\n%s", i, visible(html), visible(markdown))
          .isEqualTo(RoundTrip.textOfHtml(html));
    }
  }

  @Test
  void randomTextInTablesAndHeadingsSurvivesARoundTrip() {
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      String html =
          "<table><tr><th>"
              + fragment(random, 1)
              + "</th><th>"
              + text(random)
              + "</th></tr><tr><td>"
              + fragment(random, 1)
              + "<br>"
              + text(random)
              + "</td><td>x</td></tr></table><h2>"
              + fragment(random, 1)
              + "</h2>";

      String markdown = converter.convert(html, "");

      assertThat(RoundTrip.textOfMarkdown(markdown))
          .as("case %d: %s\nconverted to:\n%s", i, visible(html), visible(markdown))
          .isEqualTo(RoundTrip.textOfHtml(html));
    }
  }

  private static String visible(String s) {
    return s.replace('\u00a0', '␣');
  }

  private static String fragment(Random random, int depth) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      if (depth < 3 && random.nextInt(3) == 0) {
        String tag = INLINE[random.nextInt(INLINE.length)];
        String attributes = tag.equals("a") ? " href=\"https://example.com/x\"" : "";
        String inner = tag.equals("code") ? text(random) : fragment(random, depth + 1);
        sb.append('<').append(tag).append(attributes).append('>');
        sb.append(inner);
        sb.append("</").append(tag).append('>');
      } else {
        sb.append(text(random));
      }
    }
    return sb.toString();
  }

  private static String text(Random random) {
    int length = random.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append(random.nextBoolean() ? "&amp;" : "&amp;amp;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
