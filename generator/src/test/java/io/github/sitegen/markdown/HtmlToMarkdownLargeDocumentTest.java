package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.bench.HtmlToMarkdownBench;
import org.junit.jupiter.api.Test;

/**
 * A 5 MB article converts in one piece (50 MB was checked by hand, see the README). The conversion
 * is a loop over the tree, so its stack does not grow with the document.
 */
class HtmlToMarkdownLargeDocumentTest {

  @Test
  void convertsAFiveMegabyteDocument() {
    String html = HtmlToMarkdownBench.syntheticArticle(5_000_000);
    int parts = html.split("<h2 ", -1).length - 1;

    String markdown = new HtmlToMarkdown().convert(html, "https://news.example.com/");

    assertThat(markdown.split("\n## Partie ", -1).length).isEqualTo(parts); // first has no \n
    assertThat(markdown).startsWith("## Partie 0 : le contexte\n").endsWith("\n");
    assertThat(markdown).doesNotContain("stats.example.com", "<");
  }
}
