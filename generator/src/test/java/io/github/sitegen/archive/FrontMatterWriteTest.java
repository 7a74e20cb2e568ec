package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FrontMatter#write} writes plain texts itself and leaves the rest to SnakeYAML: the front
 * matter must be byte for byte what SnakeYAML alone writes, for texts full of what YAML treats
 * specially.
 */
class FrontMatterWriteTest {
  private static final String[] PIECES = {
    "a", "Z", "é", "É", "1", "2026", "-", "+", ".", "...", "---", ":", ": ", " :", "#", " #", "# ", " ", "  ",
    ",", "?", "? ", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "~", "<<", "=",
    "\\", "/", "https://next.ink/1/a", "«", "»", "’", "…", "–", "\u00a0", "\u2028", "\u0085", "\t", "\n",
    "\u007f", "\u009f", "\ufeff", "\ud83d\ude00", "yes", "No", "true", "FALSE", "on", "off", "null", "Null",
    "~", "0x1F", "0o7", "1e3", ".inf", ".NaN", "12:30", "1:20:30", "2026-02-05", "2026-02-05T10:00:00+01:00",
    "0", "-1", "+2", "3.14", "1_000", "0b101", "L'ICE", "IA", "Droit & société", "C++", "x86-64", "Next.ink",
  };

  @Test
  void theFrontMatterIsWhatSnakeYamlWrites() {
    Random random = new Random(2026);
    List<String> texts = new ArrayList<>(List.of(PIECES));
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(4);
      for (int p = 0; p < parts; p++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(text.toString());
    }
    int plain = 0;
    for (String text : texts) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("title", text);
      values.put("date", "2026-02-05T10:00:00+01:00");
      values.put("tags", List.of(text, "IA"));
      values.put("authors", List.of("Chloé Garcia", text));
      values.put("truncated", Boolean.TRUE);
      values.put("paywall", 80);
      values.put("images", Map.of("https://next.ink/a.png", "images/ab/ab12.webp"));
      values.put("summary", text.isEmpty() ? "vide" : text);

      String expected = "---\n" + FrontMatter.snakeYaml(printable(values)) + "---\n\nCorps.\n";
      assertThat(FrontMatter.write(new LinkedHashMap<>(values), "Corps.\n")).as("%s", text).isEqualTo(expected);
      plain += FrontMatter.isPlain(text) ? 1 : 0;
    }
    assertThat(plain).as("texts written as plain text").isGreaterThan(texts.size() / 5);
  }

  /** The values as write() gives them to YAML: without the characters YAML cannot print. */
  private static Map<String, Object> printable(Map<String, Object> values) {
    Map<String, Object> printable = new LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            printable.put(
                key,
                value instanceof String text
                    ? FrontMatter.printable(text)
                    : value instanceof List<?> list
                        ? list.stream().map(item -> FrontMatter.printable((String) item)).toList()
                        : value));
    return printable;
  }

  @Test
  void everyArticleOfTheNextFixturesWritesAsBefore() throws Exception {
    // the archive texts of real articles: titles with colons, quotes, guillemets, URLs
    for (String title :
        List.of(
            "Grok : xAI veut faire de son IA un « moteur de vérité »",
            "L’ICE veut multiplier ses sources",
            "Test : les VPS à moins de 5 € par mois",
            "#Flock : le pape et l'IA",
            "Mistral AI lève 1,7 milliard d'euros",
            "[MàJ] Panne géante",
            "« Il faut réguler »")) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("title", title);
      values.put("link", "https://next.ink/222947/grok-xai/");
      assertThat(FrontMatter.write(new LinkedHashMap<>(values), ""))
          .isEqualTo("---\n" + FrontMatter.snakeYaml(values) + "---\n");
    }
  }
}
