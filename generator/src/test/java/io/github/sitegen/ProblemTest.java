package io.github.sitegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void printsFileLineAndMessage() {
    assertThat(Problem.error("articles/2024/a.md", 3, "bad date \"hier\""))
        .hasToString("articles/2024/a.md:3: bad date \"hier\"");
    assertThat(Problem.warning("snapshots/next.xml", 0, "not a feed"))
        .hasToString("snapshots/next.xml: not a feed");
  }

  @Test
  void plainTextKeepsItsAccentsQuotesBackslashesAndEmoji() {
    String text = "Élysée « l'été » C:\\feeds\\next.xml 🚀 ünïcödé";
    assertThat(Problem.info(text, 2, text)).hasToString(text + ":2: " + text);
  }

  /**
   * A file name or a title holding a line break could otherwise print a second line that reads as
   * another problem (here a forged error on another file), or terminal escapes that hide or recolour
   * the output.
   */
  @Test
  void aFileNameOrMessageCannotPrintASecondLineOrTerminalEscapes() {
    Problem forged =
        Problem.warning(
            "snapshots/x.xml\nsnapshots/other.xml", 7, "title \"a\r\nother.md:1: error\" kept");
    assertThat(forged.toString())
        .isEqualTo(
            "snapshots/x.xml\\nsnapshots/other.xml:7: title \"a\\r\\nother.md:1: error\" kept")
        .doesNotContain("\n", "\r");

    assertThat(Problem.error("a\tb.md", 1, "\u001b[2Jcleared\u0007 \u0085 \u2028 \u007f"))
        .hasToString("a\\tb.md:1: \\u001b[2Jcleared\\u0007 \\u0085 \\u2028 \\u007f");
  }

  /** Bidirectional overrides and isolates reorder what a terminal shows ("Trojan source"). */
  @Test
  void bidirectionalOverridesAreEscaped() {
    assertThat(Problem.error("evil\u202egpj.md", 0, "\u2066x\u2069 \u202a"))
        .hasToString("evil\\u202egpj.md: \\u2066x\\u2069 \\u202a");
  }
}
