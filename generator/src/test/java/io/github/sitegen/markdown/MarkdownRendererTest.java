package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private static final UnaryOperator<String> KEEP = url -> url;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          emphasis          | Un *test* **gras**      | <p>Un <em>test</em> <strong>gras</strong></p>
          strikethrough     | ~~barré~~               | <p><del>barré</del></p>
          autolink          | voir https://next.ink/  | <p>voir <a rel="nofollow" href="https://next.ink/">https://next.ink/</a></p>
          heading anchor    | ## Un marché            | <h2 id="un-marché">Un marché</h2>
          no-break spaces   | "Quoi ?"           | "<p>Quoi ?</p>"
          """)
  void rendersCommonMarkAndGfm(String name, String markdown, String html) {
    assertThat(renderer.toHtml(markdown, KEEP).strip()).isEqualTo(html);
  }

  @Test
  void idPrefixesGoOnIdsAndTheLinksToThemOnly() {
    assertThat(
            MarkdownRenderer.withIdPrefix(
                "<h2 id=\"titre\">T</h2><p><a href=\"#titre\">t</a> id=\"x\" <a href=\"/#n\">n</a></p>",
                "a2-"))
        .isEqualTo(
            "<h2 id=\"a2-titre\">T</h2><p><a href=\"#a2-titre\">t</a> id=\"a2-x\" <a href=\"/#n\">n</a></p>");
    String noIds = "<p>id=\"x\" <a href=\"/#n\">n</a></p>";
    assertThat(MarkdownRenderer.withIdPrefix(noIds, "a2-")).isEqualTo(noIds);
    assertThat(MarkdownRenderer.withIdPrefix(noIds, "")).isSameAs(noIds);
  }

  @Test
  void rendersTables() {
    String html = renderer.toHtml("| a | b |\n|---|---|\n| 1 | 2 |\n", KEEP);

    assertThat(html).contains("<table>", "<th>a</th>", "<td>2</td>");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          inline script     | <script>alert(1)</script> x       | &lt;script&gt;
          html block        | <div onclick="x()">hi</div>       | &lt;div onclick=
          javascript link   | [clic](javascript:alert(1))       | <a rel="nofollow" href="">clic</a>
          data image        | ![x](data:text/html;base64,AAAA)  | <img src="" alt="x"
          """)
  void neverLetsHtmlOrScriptUrlsThrough(String name, String markdown, String expected) {
    String html = renderer.toHtml(markdown, KEEP);

    assertThat(html).contains(expected).doesNotContain("<script", "javascript:", "<div", "data:");
  }

  @Test
  void rewritesLinkAndImageDestinations() {
    List<String> seen = new ArrayList<>();

    String html =
        renderer.toHtml(
            "[a](https://next.ink/1/) ![b](https://next.ink/b.webp) <https://next.ink/2/>",
            url -> {
              seen.add(url);
              return url.equals("https://next.ink/1/") ? "../a/index.html" : url;
            });

    assertThat(seen)
        .containsExactly("https://next.ink/1/", "https://next.ink/b.webp", "https://next.ink/2/");
    assertThat(html)
        .contains("<a href=\"../a/index.html\">a</a>")
        .contains("<img src=\"https://next.ink/b.webp\" alt=\"b\" loading=\"lazy\" />");
  }

  @ParameterizedTest(name = "\"{0}\" in {1} -> \"{2}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          "Un **test**  simple\\n\\nsur deux paragraphes" | 100 | Un test simple sur deux paragraphes
          "Un texte assez long pour être coupé"           | 15  | Un texte assez…
          "Anticonstitutionnellement"                     | 10  | Anticonst…
          "## Titre\\n\\n- un\\n- deux"                   | 100 | Titre un deux
          "| a | b |\n|---|---|\n| 1 | 2 |"              | 100 | a b 1 2
          ""                                              | 10  | ""
          """)
  void plainTextIsCollapsedAndCutAtAWord(String markdown, int max, String expected) {
    String text = renderer.toPlainText(markdown.replace("\\n", "\n"), max);

    assertThat(text).isEqualTo(expected).hasSizeLessThanOrEqualTo(max);
  }

  @Test
  void plainTextNeedsRoom() {
    assertThatThrownBy(() -> renderer.toPlainText("x", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          image alone       | ![Un chat](https://x.org/c.jpg)                 | <figure><img src="https://x.org/c.jpg" alt="Un chat" loading="lazy" /></figure>
          image and caption | ![](https://x.org/c.jpg)\\n\\n*Le chat, en 2026* | <figure><img src="https://x.org/c.jpg" alt="" loading="lazy" />\\n<figcaption>Le chat, en 2026</figcaption></figure>
          image in text     | Voir ![x](https://x.org/c.jpg) ici              | <p>Voir <img src="https://x.org/c.jpg" alt="x" loading="lazy" /> ici</p>
          emphasis alone    | *Pas une légende*                               | <p><em>Pas une légende</em></p>
          """)
  void imageParagraphsBecomeFiguresWithTheirCaption(String name, String markdown, String html) {
    assertThat(renderer.toHtml(markdown.replace("\\n", "\n"), KEEP).strip())
        .isEqualTo(html.replace("\\n", "\n"));
  }

  @Test
  void prefixesIdsAndTheLinksToThem() {
    String html = renderer.toHtml("[plus bas](#suite)\n\n## Suite\n", KEEP, "a2-");

    assertThat(html)
        .contains("<a href=\"#a2-suite\">plus bas</a>")
        .contains("<h2 id=\"a2-suite\">Suite</h2>");
  }
  @Test
  void aBodyNestedTooDeeplyToParseIsShownAsEscapedText() {
    // each level is a recursive call in commonmark's parser and renderer: this many overflow any
    // thread's stack
    String quotes = ">".repeat(100_000) + " x <b>\"y\" & z</b>\n  suite\n\n\n fin ";
    MarkdownRenderer.Rendered rendered = renderer.render(quotes, KEEP, true);

    assertThat(rendered.plain()).isTrue();
    assertThat(rendered.html())
        .isEqualTo(
            "<p>" + "&gt;".repeat(100_000) + " x &lt;b&gt;&quot;y&quot; &amp; z&lt;/b&gt;\nsuite</p>\n"
                + "<p>fin</p>\n");
    assertThat(rendered.text()).endsWith(" x <b>\"y\" & z</b> suite fin");
    assertThat(rendered.words()).isEqualTo(7);

    String emphasis = "*".repeat(200_000) + "x" + "*".repeat(200_000);
    assertThat(renderer.render(emphasis, KEEP, false).plain()).isTrue();
    assertThat(renderer.toPlainText(quotes, 20)).isEqualTo(">".repeat(19) + "…");
    assertThat(renderer.render("> > un *peu*", KEEP, true).plain()).isFalse();
  }
}
