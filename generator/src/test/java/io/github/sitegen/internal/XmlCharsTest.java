package io.github.sitegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlCharsTest {

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      a\u0000b\u0008c         | abc          | C0 controls go
      tab\there               | tab\there    | tab stays
      é☕️€                     | é☕️€         | ordinary text is unchanged
      x\uFFFEy\uFFFFz          | xyz          | non-characters go
      """)
  void keepsWhatXmlAllows(String in, String out, String name) {
    assertThat(XmlChars.strip(in)).isEqualTo(out);
  }

  @org.junit.jupiter.api.Test
  void stripKeepsWhatTheGeneralFilterKeepsForEveryChar() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String text = "é" + (char) c + "x";
      assertThat(XmlChars.strip(text))
          .as("U+%04X", c)
          .isEqualTo(XmlChars.keepOnly(text, XmlChars::isLegal));
    }
    String legal = "Le café coûte 2 €\tpar jour\n\uD83D\uDE00 \uE000\uFFFD";
    assertThat(XmlChars.strip(legal)).isSameAs(legal);
  }

  @org.junit.jupiter.api.Test
  void pairedSurrogatesStayAndLoneOnesGo() {
    assertThat(XmlChars.strip("a\uD83D\uDE00b\uD800c\uDC00d")).isEqualTo("a\uD83D\uDE00bcd");
  }
}
