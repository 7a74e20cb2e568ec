package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.SiteGenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontMatterTest {

  @Test
  void writesDatesAndPlainTextWithoutQuotes() {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("title", "Le Pape peut-il susciter un véritable sursaut mondial face à l’IA\u00a0?");
    values.put("date", "2026-02-05T11:15:00+01:00");
    values.put("tags", List.of("IA et algorithmes", "Société numérique"));
    values.put("truncated", true);
    values.put("paywall", 80);
    values.put("image", null);

    String text = FrontMatter.write(values, "Corps.\n");

    assertThat(text)
        .isEqualTo(
            """
            ---
            title: Le Pape peut-il susciter un véritable sursaut mondial face à l’IA\u00a0?
            date: 2026-02-05T11:15:00+01:00
            tags:
            - IA et algorithmes
            - Société numérique
            truncated: true
            paywall: 80
            ---

            Corps.
            """);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "---", "a: b", "# pas un titre", "\"quoted\" and 'single'", "line\nbreak", "${7*7}",
        "<#assign x=1>", "true", "80", "2026-02-05", "☕️ emoji", "- item", "key: value # comment",
        "  leading space", "[Test] Trois VPS", "null", "~", "@at", "`tick`", "tab\there"
      })
  void anyTextRoundTripsLiterally(String title) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("tags", List.of(title));

    FrontMatter.Parsed parsed = FrontMatter.parse(FrontMatter.write(values, "body\n"), "x.md");

    assertThat(parsed).isNotNull();
    assertThat(parsed.values().get("title").value()).isEqualTo(title);
    assertThat(parsed.values().get("tags").value()).isEqualTo(List.of(title));
    assertThat(parsed.body()).isEqualTo("body\n");
  }

  @Test
  void controlCharactersAreDroppedRatherThanWrittenAsBinary() {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("title", "\u0007bell\u0000 \ud800x ☕️");

    FrontMatter.Parsed parsed = FrontMatter.parse(FrontMatter.write(values, ""), "x.md");

    assertThat(parsed.values().get("title").value()).isEqualTo("bell x ☕️");
  }

  @Test
  void fileWithoutFrontMatterIsNotAnArticle() {
    assertThat(FrontMatter.parse("# README\n\ntext\n", "README.md")).isNull();
  }

  @Test
  void badYamlNamesTheFileAndLine() {
    String text = "---\ntitle: ok\ndate: [unclosed\n---\nbody\n";

    assertThatThrownBy(() -> FrontMatter.parse(text, "articles/x.md"))
        .isInstanceOf(SiteGenException.class)
        .hasMessageStartingWith("articles/x.md:")
        .hasMessageContaining("front matter: not valid YAML");
  }

  @Test
  void missingClosingFenceIsReported() {
    assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: x\n", "x.md"))
        .hasMessage("x.md:1: front matter: expected a closing '---' line, found none");
  }

  @Test
  void valuesKeepTheirLine() {
    FrontMatter.Parsed parsed = FrontMatter.parse("---\ntitle: a\n\ndate: hier\n---\n", "x.md");

    assertThat(parsed.values().get("date").line()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "---\ntitle: a\n---\n\nCorps\n", "---\r\ntitle: a\r\n---\r\nCorps\r\n", "\uFEFF---\ntitle: a\n---\n",
        "---\ntitle: a\n---", "---\n---\n\n\nDeux lignes vides\n", "---\ntitle: a\n---  \nx\n---\ny\n"
      })
  void bodyWithoutParsingIsTheParsedBody(String text) {
    assertThat(FrontMatter.body(text)).isEqualTo(FrontMatter.parse(text, "x.md").body());
  }
}
