package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converter's round-trip measure on the CommonMark spec (0.31.2, the {@code spec.txt} of {@code
 * commonmark-test-util}): each example's expected HTML {@code H} is converted to Markdown {@code
 * M}, {@code M} is rendered back with commonmark-java (GFM tables and strikethrough), and both HTML
 * fragments are compared in the canonical form of {@link HtmlNormaliser}.
 *
 * <p>Examples whose own Markdown contains raw HTML (an {@link HtmlBlock} or {@link HtmlInline} node
 * when commonmark-java parses it without extensions) are left out: their HTML is the raw HTML
 * itself. An output "contains raw HTML" when its Markdown, parsed the same way (with the GFM
 * extensions), has such a node: passing HTML through would win the comparison without converting
 * anything, so that is counted separately and bounded.
 */
class CommonMarkRoundTripTest {

  private static final double TARGET = 0.98;
  private static final double MAX_RAW_HTML = 0.01;

  private static final Parser CORE = Parser.builder().build();

  private static int measured;
  private static final List<Integer> failures = new ArrayList<>();
  private static final List<Integer> rawHtml = new ArrayList<>();

  @BeforeAll
  static void runTheRoundTrip() {
    HtmlToMarkdown converter = new HtmlToMarkdown();
    List<Example> examples = ExampleReader.readExamples(TestResources.getSpec());
    int excluded = 0;
    for (int i = 0; i < examples.size(); i++) {
      Example example = examples.get(i);
      int number = i + 1;
      if (hasRawHtml(CORE.parse(example.getSource()))) {
        excluded++;
        continue;
      }
      measured++;
      String html = example.getHtml();
      String markdown = converter.convert(html, "");
      if (hasRawHtml(RoundTrip.parse(markdown))) {
        rawHtml.add(number);
      }
      String back = RoundTrip.render(markdown);
      if (!HtmlNormaliser.normalise(html).equals(HtmlNormaliser.normalise(back))) {
        failures.add(number);
      }
    }
    System.out.printf(
        "CommonMark round trip: %d examples, %d with raw HTML excluded, %d measured:"
            + " %d pass (%.1f %%); failing: %s; raw HTML in the output: %s%n",
        examples.size(),
        excluded,
        measured,
        measured - failures.size(),
        100.0 * (measured - failures.size()) / measured,
        failures,
        rawHtml);
  }

  @Test
  void atLeast98PercentOfTheSpecExamplesComeBackTheSame() {
    double rate = (double) (measured - failures.size()) / measured;

    assertThat(rate).as("pass rate; failing examples %s", failures).isGreaterThanOrEqualTo(TARGET);
  }

  @Test
  void atMostOnePercentOfTheOutputsContainRawHtml() {
    double share = (double) rawHtml.size() / measured;

    assertThat(share)
        .as("examples with raw HTML in the output: %s", rawHtml)
        .isLessThanOrEqualTo(MAX_RAW_HTML);
  }

  static boolean hasRawHtml(Node document) {
    boolean[] found = {false};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlBlock htmlBlock) {
            found[0] = true;
          }

          @Override
          public void visit(HtmlInline htmlInline) {
            found[0] = true;
          }
        });
    return found[0];
  }
}
