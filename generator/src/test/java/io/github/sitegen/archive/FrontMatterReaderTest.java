package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path gives exactly what SnakeYAML gives (values, lists, lines, errors) for every file
 * we have and for hostile generated and hand-written front matter.
 */
class FrontMatterReaderTest {

  /** Texts that break naive YAML writers and readers. */
  static final List<String> HOSTILE =
      List.of(
          "plain title",
          "L’ICE veut : multiplier ses sources",
          "a: b",
          "a:b",
          "key: value # comment",
          "value #not a comment",
          "# pas un titre",
          "ends with colon:",
          "\"quoted\" and 'single'",
          "'single at start",
          "\"double at start",
          "it's",
          "- item",
          "-5",
          "-",
          "? question",
          "?not",
          ": colon",
          "* star",
          "& anchor",
          "&anchor",
          "*alias",
          "! tag",
          "!!str tagged",
          "% percent",
          "@at",
          "`tick`",
          "| pipe",
          "> folded",
          "[Test] Trois VPS",
          "{braces}",
          ", comma",
          "yes",
          "no",
          "Yes",
          "NO",
          "on",
          "off",
          "true",
          "False",
          "null",
          "Null",
          "NULL",
          "~",
          "",
          " ",
          "  leading space",
          "trailing space ",
          "80",
          "0x1F",
          "0o17",
          "1_000",
          "3.14",
          ".inf",
          "-.Inf",
          ".NaN",
          "1e3",
          "2026-02-05",
          "2026-02-05T16:20:00+01:00",
          "12:30:00",
          "<<",
          "=",
          "${7*7}",
          "<#assign x=1>",
          "<script>alert(1)</script>",
          "☕️ emoji 😀 𝄞",
          "Élodie « guillemets » – tiret — long\u00a0insécable\u202fétroit",
          "tab\there",
          "line\nbreak",
          "two\n\nparagraphs",
          "trailing newline\n",
          "\nleading newline",
          "crlf\r\nline",
          "lone\rcr",
          "next\u0085line",
          "line\u2028separator",
          "para\u2029separator",
          "bom\ufeffinside",
          "control\u0001\u0007\u001b chars",
          "del\u007f c1\u0080\u009f",
          "nonchar\ufffe\uffff",
          "lone \ud800 surrogate",
          "reversed \udc00\ud800 pair",
          "back\\slash \\n \\\" \\x41",
          "\\ leading backslash",
          "%YAML 1.1",
          "---",
          "...",
          "--- inline",
          "x".repeat(5000),
          "mot ".repeat(2000).strip(),
          "a'b''c'''",
          "\"\"",
          "''",
          "\"");

  @ParameterizedTest(name = "{0}")
  @MethodSource("archiveFiles")
  void readsEveryFileWeHaveLikeSnakeYaml(Path file) throws IOException {
    assertSameAsSnakeYaml(Files.readString(file));
  }

  static Stream<Arguments> archiveFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("../content"), Path.of("src/test/resources"))) {
      if (Files.isDirectory(root)) {
        try (var walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
      }
    }
    return files.stream().map(p -> Arguments.of(p));
  }

  @Test
  void takesTheFastPathForImportedArticles() throws IOException {
    List<Path> articles;
    try (var walk = Files.walk(Path.of("../content/articles"))) {
      articles = walk.filter(p -> p.toString().endsWith(".md")).toList();
    }

    assertThat(articles).isNotEmpty();
    for (Path file : articles) {
      String text = Files.readString(file);
      if (text.contains("\nhash: ")) { // written by the importer, not by hand
        assertThat(FrontMatterReader.read(yamlOf(text))).as(file.toString()).isNotNull();
      }
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("hostileTexts")
  void readsWrittenHostileTextsLikeSnakeYaml(String text) {
    String written =
        archived(text, text, List.of(text, "Élodie Marchand"), List.of("IA", text)).toText();

    assertSameAsSnakeYaml(written);
  }

  static Stream<String> hostileTexts() {
    return HOSTILE.stream().filter(t -> !t.isBlank());
  }

  @Test
  void takesTheFastPathForOneLineTitles() {
    String written =
        archived("Qui c'est qu'a la plus Grok ? « oui » : non #1", "", List.of("A"), List.of("B"))
            .toText();

    assertThat(FrontMatterReader.read(yamlOf(written))).isNotNull();
    assertSameAsSnakeYaml(written);
  }

  @Test
  void takesTheFastPathForOneLineListsOfTags() {
    String yaml =
        "title: \"Nedant chanfoujonière\"\ndate: 2023-03-31T01:41:38+01:00\n"
            + "author: \"Chloé Garcia\"\ntags: [\"dequontion\", \"janjefel\", \"sel-joubun\"]\n";

    assertThat(FrontMatterReader.read(yaml))
        .containsEntry(
            "tags", new FrontMatter.Value(List.of("dequontion", "janjefel", "sel-joubun"), 5));
    assertSameAsSnakeYaml("---\n" + yaml + "---\n");
  }

  /** Random texts from an alphabet of troublemakers, written by {@link FrontMatter#write}. */
  @Test
  void readsRandomWrittenTextsLikeSnakeYaml() {
    String alphabet = "aZ9 :#'\"-?*&!%@`|>[]{},.~\\\t\n\r\u0085\u00a0é’«😀\u2028\u0001\ufeff";
    Random random = new Random(6);
    int fast = 0;
    for (int i = 0; i < 1500; i++) {
      String a = randomText(random, alphabet);
      String b = randomText(random, alphabet);
      Map<String, @Nullable Object> values = new LinkedHashMap<>();
      values.put("title", a);
      values.put("tags", List.of(b, a));
      values.put("summary", b);
      values.put("paywall", i);
      values.put("truncated", i % 2 == 0);
      String written = FrontMatter.write(values, "Corps.\n");

      assertSameAsSnakeYaml(written);
      fast += FrontMatterReader.read(yamlOf(written)) == null ? 0 : 1;
    }
    assertThat(fast).as("texts read by the fast path").isGreaterThan(150);
  }

  /** Random one-line flow sequences, quoted every way, written by hand (not by SnakeYAML). */
  @Test
  void readsRandomFlowSequencesLikeSnakeYaml() {
    String alphabet = "aZ9 :#'\"-?*&!%@`|>[]{},.~\\\t\u00a0é😀\u0001";
    Random random = new Random(7);
    int fast = 0;
    for (int i = 0; i < 1500; i++) {
      List<String> items = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        String text = randomText(random, alphabet);
        items.add(
            switch (random.nextInt(3)) {
              case 0 -> text;
              case 1 -> "'" + text.replace("'", "''") + "'";
              default -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            });
      }
      String text = "---\ntitle: T\ntags: [" + String.join(", ", items) + "]\n---\n";

      assertSameAsSnakeYaml(text);
      fast += FrontMatterReader.read(yamlOf(text)) == null ? 0 : 1;
    }
    assertThat(fast).as("sequences read by the fast path").isGreaterThan(150);
  }

  private static String randomText(Random random, String alphabet) {
    int length = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(12);
    StringBuilder out = new StringBuilder();
    IntStream.range(0, length)
        .forEach(
            k ->
                out.append(
                    random.nextInt(3) == 0
                        ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('a' + random.nextInt(26))));
    return out.toString();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("handWritten")
  void readsHandWrittenVariantsLikeSnakeYaml(String yaml) {
    assertSameAsSnakeYaml("---\n" + yaml + "---\n\nCorps.\n");
  }

  static Stream<String> handWritten() {
    return Stream.of(
        "",
        "title: T\n",
        "title: T\ndate: 2026-02-05T16:20:00+01:00\n",
        "title: T # comment\n",
        "# comment\ntitle: T\n",
        "title: T\n\ndate: D\n",
        "title: T\ntitle: U\n",
        "tags:\n- a\ntags:\n- b\n",
        "title: &a T\nsubtitle: *a\n",
        "title: !!str 80\n",
        "title: !custom x\n",
        "tags: [a, b]\n",
        "tags: []\n",
        "tags: {a: b}\n",
        "tags:\n  - a\n  - b\n",
        "tags:\n- a\n  - b\n",
        "tags:\n-  a\n",
        "tags:\n- a\n-\n- b\n",
        "tags:\n- ~\n- null\n- 'null'\n",
        "tags:\n- - a\n",
        "tags:\n- a: b\n",
        "tags:\n",
        "tags:\ntitle: T\n",
        "title:\n",
        "title: ~\n",
        "title: null\n",
        "title: 'null'\n",
        "title: \"null\"\n",
        "title:  two spaces\n",
        "title:\tT\n",
        "\ttitle: T\n",
        " title: T\n",
        "title : T\n",
        "title:T\n",
        "\"title\": T\n",
        "'title': T\n",
        "? title\n: T\n",
        "title: |\n  block\n",
        "title: >-\n  folded\n  text\n",
        "title: T\n  continued\n",
        "title: 'single\n  continued'\n",
        "title: \"double\n  continued\"\n",
        "title: 'it''s'\n",
        "title: 'it''s' \n",
        "title: 'unterminated\n",
        "title: \"unterminated\n",
        "title: \"a\" b\n",
        "title: 'a' b\n",
        "title: \"\\x41\\u00e9\\U0001F600\\t\\n\\\\\\\"\\ \\_\\N\\L\\P\\0\\a\\b\\e\\f\\r\\v\"\n",
        "title: \"\\/\"\n",
        "title: \"\\q\"\n",
        "title: \"\\x4\"\n",
        "title: \"\\uD83D\\uDE00\"\n",
        "title: \"\\U00110000\"\n",
        "title: \"\\\n",
        "title: T\nparams:\n  a: b\n",
        "params:\n  a: b\ntitle: T\n",
        "title: T\n...\n",
        "%YAML 1.1\n---\ntitle: T\n",
        "title: a: b\n",
        "title: a #b\n",
        "title: a#b\n",
        "title: T \n",
        "- a\n- b\n",
        "just text\n",
        "<<: {a: b}\ntitle: T\n",
        "k".repeat(200) + ": long key\n",
        "title: " + "x".repeat(300_000) + "\n",
        "yes: no\nnull: ~\n1: 2\n",
        "title: T\u0085x\n",
        "title: T\u2028x\n",
        "title: T\ufeffx\n",
        "title: \u0001\n",
        "title: \ud800\n",
        "title: 😀\n",
        "title-with-dash: T\nwith_underscore: U\nCamel: V\n",
        "title: \"Nedant chanfoujonière\"\nauthor: \"Chloé Garcia\"\n"
            + "tags: [\"dequontion\", \"janjefel\", \"sel-joubun\"]\nslug: nedant-134f\n",
        "tags: [\"a\", 'b''c', plain words, \"\\u00e9\\\"\"]\n",
        "tags: [a,b]\n",
        "tags: [a, ]\n",
        "tags: [a,]\n",
        "tags: [ a ]\n",
        "tags: [\"a\" , \"b\"]\n",
        "tags: [\"a\"x, \"b\"]\n",
        "tags: [a, [b]]\n",
        "tags: [a, {b: c}]\n",
        "tags: [a: b]\n",
        "tags: [a:b]\n",
        "tags: [~, null, \"null\", '~']\n",
        "tags: [a #b]\n",
        "tags: [a] # c\n",
        "tags: [a\n",
        "tags: [\"a]\n",
        "tags: ['a]\n",
        "tags: [\"a\\\"]\"]\n",
        "tags: [a\n  , b]\n",
        "tags: [-a, ?b, *c]\n",
        "tags: [a b , c]\n",
        "tags: [\"\"]\n",
        "tags: [,]\n",
        "title: [a, b]\n",
        "title: T\ntags: []\nauthors: [x]\n");
  }

  /** Both paths give the same values (in order, with lines) and body, or the same error. */
  private static void assertSameAsSnakeYaml(String text) {
    Object fast = outcome(() -> FrontMatter.parse(text, "x.md"));
    Object slow = outcome(() -> FrontMatter.parseWithSnakeYaml(text, "x.md"));

    assertThat(fast).as("front matter of:\n%s", text).isEqualTo(slow);
  }

  private static Object outcome(java.util.function.Supplier<FrontMatter.@Nullable Parsed> parse) {
    try {
      FrontMatter.Parsed parsed = parse.get();
      if (parsed == null) {
        return "no front matter";
      }
      return List.of(new ArrayList<>(parsed.values().entrySet()), parsed.body());
    } catch (SiteGenException e) {
      return "error: " + e.getMessage();
    }
  }

  /** The YAML between the fences of a text {@link FrontMatter#write} gave. */
  private static String yamlOf(String text) {
    return text.substring(4, text.indexOf("\n---\n") + 1);
  }

  private static ArchivedArticle archived(
      String title, String subtitle, List<String> authors, List<String> tags) {
    Article article =
        new Article(
            Path.of("articles/2026/02/05/x.md"),
            "https://next.ink/?p=1",
            title.isBlank() ? "t" : title,
            subtitle,
            OffsetDateTime.parse("2026-02-05T16:20:00+01:00"),
            OffsetDateTime.parse("2026-02-05T17:20:00+01:00"),
            authors,
            tags,
            "https://next.ink/1/x/#ancre",
            "Next",
            subtitle,
            "https://next.ink/wp-content/uploads/x.webp",
            true,
            80,
            "x");
    return new ArchivedArticle(
        article,
        "Corps.\n",
        Instant.parse("2026-02-05T15:20:00Z"),
        "90038b2a3b5f49257e3e79251c51d4af",
        true,
        List.of("https://next.ink/a.webp images/ab/" + "a".repeat(32) + ".webp"));
  }
}
