package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The news-article set, {@code spec/news-articles.md}: HTML in the style of real feeds, each with
 * its exact Markdown (a golden test per snippet), and the round-trip measure over the whole set:
 * the Markdown rendered back must keep the content of the HTML ({@link ContentSignature}). The
 * measure fails below 95 %.
 */
class NewsArticlesTest {

  private static final double TARGET = 0.95;

  private final HtmlToMarkdown converter = new HtmlToMarkdown();

  static List<SpecExample> examples() {
    return SpecReader.read("/spec/news-articles.md");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void convertsAsTheSpecSays(SpecExample example) {
    String markdown = converter.convert(example.html(), example.baseUri());

    assertThat(markdown).as("%s (line %d)", example, example.line()).isEqualTo(example.markdown());
  }

  @Test
  void atLeast95PercentOfTheSnippetsKeepTheirContent() {
    List<SpecExample> examples = examples();
    List<String> failures = new ArrayList<>();

    for (SpecExample example : examples) {
      String markdown = converter.convert(example.html(), example.baseUri());
      String expected = ContentSignature.of(example.html(), example.baseUri(), true);
      String actual = ContentSignature.of(RoundTrip.render(markdown), "", false);
      if (!expected.equals(actual)) {
        failures.add(example + "\n  expected " + expected + "\n  found    " + actual);
      }
    }

    double rate = 1.0 - (double) failures.size() / examples.size();
    System.out.printf(
        "News-article round trip: %d snippets, %d keep their content (%.1f %%)%s%n",
        examples.size(),
        examples.size() - failures.size(),
        100 * rate,
        failures.isEmpty() ? "" : "; failing:\n" + String.join("\n", failures));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(60);
    assertThat(rate).as("failing: %s", failures).isGreaterThanOrEqualTo(TARGET);
  }

  /** The measure must see a loss, or it measures nothing. */
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          <p><em>a</em> b</p>                    | <p>a b</p>
          <p><strong>a</strong></p>              | <p><em>a</em></p>
          <p><a href="/x">a</a></p>              | <p>a</p>
          <p><a href="/x">a</a></p>              | <p><a href="/y">a</a></p>
          <p>a</p><p>b</p>                       | <p>a b</p>
          <p>a<br>b</p>                          | <p>a b</p>
          <h2>a</h2>                             | <h3>a</h3>
          <ul><li>a</li></ul>                    | <p>a</p>
          <p><img src="/i.png" alt="x"></p>      | <p><img src="/i.png" alt="y"></p>
          <p><code>a</code></p>                  | <p>a</p>
          <pre><code>a  b</code></pre>           | <pre><code>a b</code></pre>
          <p>a&nbsp;:</p>                        | <p>a :</p>
          <table><tr><td>a</td><td>b</td></tr></table> | <table><tr><td>a b</td></tr></table>
          """)
  void signatureSeesALoss(String html, String lossy) {
    assertThat(ContentSignature.of(lossy, "", false))
        .isNotEqualTo(ContentSignature.of(html, "", true));
  }
}
