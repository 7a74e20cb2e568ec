package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Figures are found where a paragraph opens with an image or a link, as a replaceAll would. */
class FiguresTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "<p><img src=\"a.jpg\" alt=\"A\" loading=\"lazy\" /></p>\n",
          "<p><em>Légende « ici »</em></p>\n",
          "<p><a href=\"https://x.org/\"><img src=\"b.jpg\" alt=\"\" /></a></p>\n",
          "<p><a href=\"https://x.org/\">un lien</a> et du texte</p>\n",
          "<p>Du texte, puis <img src=\"c.jpg\" /></p>\n",
          "<p><img src=\"d.jpg\" /> et du texte</p>\n",
          "<p><em>x</em> suivi</p>\n",
          "<p><em>a<p>b</em></p>\n",
          "<h2>Titre</h2>\n",
          "<p><a ",
          "<p><img ",
          "<ul>\n<li><p><img src=\"e.jpg\" /></p>\n</li>\n</ul>\n",
          "<p></p>\n",
          "\n");

  /** The previous implementation: the pattern over the whole text. */
  private static String byReplaceAll(String html) {
    return MarkdownRenderer.FIGURE
        .matcher(html)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    "<figure>"
                        + m.group(1)
                        + (m.group(2) == null
                            ? ""
                            : "\n<figcaption>" + m.group(2) + "</figcaption>")
                        + "</figure>\n"));
  }

  @Test
  void givesWhatTheWholeTextReplacementGave() {
    Random random = new Random(6);
    for (int i = 0; i < 5_000; i++) {
      var html = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) {
        html.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
      }
      String input = html.toString();
      assertThat(MarkdownRenderer.figures(input)).as(input).isEqualTo(byReplaceAll(input));
    }
  }

  @Test
  void aCaptionedImageBecomesAFigure() {
    assertThat(MarkdownRenderer.figures(FRAGMENTS.get(0) + FRAGMENTS.get(1) + "<p>Suite</p>\n"))
        .isEqualTo(
            "<figure><img src=\"a.jpg\" alt=\"A\" loading=\"lazy\" />\n"
                + "<figcaption>Légende « ici »</figcaption></figure>\n<p>Suite</p>\n");
  }
}
