package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Theme.Utf8Writer}: the bytes of a text written in pieces are those of the whole text's
 * {@code getBytes(UTF_8)}, whichever way it was cut, lone surrogates included.
 */
class Utf8WriterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain ASCII <p>",
        "L’été … « déjà » — 20 °C",
        "emoji \uD83D\uDE00 and a flag \uD83C\uDDEB\uD83C\uDDF7",
        "lone high \uD800 then text",
        "lone low \uDC00 then text",
        "ends with a high surrogate \uD83D",
        "\uDE00 starts with a low surrogate",
        "two highs \uD83D\uD83D\uDE00",
      })
  void everyCutGivesTheBytesOfTheWholeText(String text) {
    byte[] expected = text.getBytes(StandardCharsets.UTF_8);
    assertThat(written(List.of(text))).isEqualTo(expected);
    for (int cut = 0; cut <= text.length(); cut++) {
      assertThat(written(List.of(text.substring(0, cut), text.substring(cut))))
          .as("cut at %d", cut)
          .isEqualTo(expected);
    }
  }

  @Test
  void charByCharAndThroughEveryWriteMethod() throws Exception {
    String text = "a\uD83D\uDE00é’\uD800x";
    var writer = new Theme.Utf8Writer();
    for (char c : text.toCharArray()) {
      writer.write(c);
    }
    writer.write(text.toCharArray(), 1, 3);
    writer.append("\uDE00z");
    writer.write("--" + text + "--", 2, text.length());
    String whole = text + text.substring(1, 4) + "\uDE00z" + text;
    assertThat(writer.toBytes()).isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void randomPiecesOfRandomText() {
    var random = new Random(42);
    char[] alphabet = {'a', '<', '&', 'é', '’', '\u00A0', '\uD83D', '\uDE00', '\uDC00', '\uD800', '\n'};
    for (int round = 0; round < 2_000; round++) {
      var text = new StringBuilder();
      List<String> pieces = new ArrayList<>();
      int count = random.nextInt(6);
      for (int p = 0; p < count; p++) {
        var piece = new StringBuilder();
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
          piece.append(alphabet[random.nextInt(alphabet.length)]);
        }
        pieces.add(piece.toString());
        text.append(piece);
      }
      assertThat(written(pieces))
          .as("pieces %s", pieces)
          .isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void growsPastItsFirstBuffer() {
    String text = "é’x".repeat(40_000);
    assertThat(written(List.of(text, text))).isEqualTo((text + text).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] written(List<String> pieces) {
    var writer = new Theme.Utf8Writer();
    pieces.forEach(writer::write);
    return writer.toBytes();
  }
}
