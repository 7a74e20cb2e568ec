package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The characters {@link InlineBuffer#text} copies in runs are those its per-character path copies as they are. */
class InlineBufferPlainTest {
  @Test
  void plainCharactersAreNeitherSpacesNorEverEscaped() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      boolean expected =
          c < 0x80
              ? c > 0x20 && c < 0x7f && "\\`*~|_[]<&".indexOf(c) < 0
              : !InlineBuffer.isLiteralSpace(c);
      assertThat(InlineBuffer.isPlain(c)).as("U+%04X", i).isEqualTo(expected);
    }
  }

  @Test
  void runsOfPlainTextAfterDigitsAtALineStartStillEscapeTheirDot() {
    assertThat(new HtmlToMarkdown().convert("<p>2026. Une année</p>", "")).isEqualTo("2026\\. Une année\n");
    assertThat(new HtmlToMarkdown().convert("<p>12) douze</p>", "")).isEqualTo("12\\) douze\n");
    assertThat(new HtmlToMarkdown().convert("<p>Le 12. douze</p>", "")).isEqualTo("Le 12. douze\n");
    assertThat(new HtmlToMarkdown().convert("<p>é_è *gras* [lien] a&amp;b &lt;p&gt;</p>", ""))
        .isEqualTo("é_è \\*gras\\* [lien] a&b \\<p>\n"); // "[" is escaped at a line start or in a link
  }
}
