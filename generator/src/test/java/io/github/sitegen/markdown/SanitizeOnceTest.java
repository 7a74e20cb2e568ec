package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.feed.FeedItem;
import io.github.sitegen.feed.FeedReader;
import io.github.sitegen.feed.Snapshot;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The importer converts the element {@link HtmlSanitizer#clean} gives, where it used to write the
 * sanitised HTML out and parse it again: both must give the same article, for every item of the
 * feed corpora, every spec example and random markup full of elements the sanitiser drops.
 */
class SanitizeOnceTest {
  private final ArticleExtractor extractor = new ArticleExtractor();

  /** One HTML input with the base URI and title it comes with. */
  private record Input(String name, String html, String baseUri, String title) {}

  @Test
  void theCleanElementConvertsAsItsHtmlParsedAgain() throws Exception {
    List<Input> inputs = new ArrayList<>();
    for (String spec : List.of("/spec/html-to-markdown.md", "/spec/news-articles.md")) {
      for (SpecExample example : SpecReader.read(spec)) {
        inputs.add(new Input(example.toString(), example.html(), example.baseUri(), ""));
      }
    }
    for (Path article : files("/markdown")) {
      inputs.add(new Input(article.toString(), Files.readString(article), "https://next.ink/", ""));
    }
    int items = 0;
    for (Path feed : concat(files("/feed/peer-feeds"), files("/feed/next"))) {
      Snapshot snapshot;
      try {
        snapshot = new FeedReader().read(feed, Reporter.silent());
      } catch (SiteGenException refused) {
        continue; // a file the reader refuses has no items
      }
      for (FeedItem item : snapshot.items()) {
        items++;
        inputs.add(new Input(feed + " item " + items, item.contentHtml(), item.baseUri(), item.title()));
        inputs.add(new Input(feed + " summary " + items, item.summaryHtml(), item.baseUri(), item.title()));
      }
    }
    for (String html :
        List.of(
            "<pre>\n\nfoo</pre>",
            "<pre>\nfoo</pre>",
            "<pre><iframe>x</iframe>\nfoo</pre>",
            "<pre><script>x</script>\n\nfoo</pre>",
            "<p>a<script>x</script>b<!-- c -->d</p>",
            "<p>a<iframe>x</iframe> b</p>",
            "<ul><li>a<style>x</style></li><li>b</li></ul>")) {
      inputs.add(new Input(html, html, "", ""));
    }
    Random random = new Random(2026);
    for (int n = 0; n < 5_000; n++) {
      inputs.add(new Input("random " + n, fragment(random, 0), n % 2 == 0 ? "https://next.ink/a/" : "", "Titre"));
    }
    assertThat(items).isGreaterThan(150);

    for (Input input : inputs) {
      ArticleContent twice =
          extractor.extract(HtmlSanitizer.sanitize(input.html(), input.baseUri()), input.baseUri(), input.title());
      ArticleContent once = extractor.extract(HtmlSanitizer.clean(input.html(), input.baseUri()), input.baseUri(), input.title());

      assertThat(once).as("%s: %s", input.name(), input.html()).isEqualTo(twice);
      assertThat(HtmlSanitizer.clean(input.html(), input.baseUri()).text().strip())
          .as("%s: text", input.name())
          .isEqualTo(HtmlText.of(HtmlSanitizer.sanitize(input.html(), input.baseUri())));
    }
  }

  private static final String[] TAGS = {
    "p", "span", "em", "a", "div", "ul", "li", "table", "tr", "td", "blockquote", "pre", "code", "h2",
    "figure", "figcaption", "img", "br",
    // dropped with their content, or dropped keeping it
    "script", "style", "font", "section", "object", "form", "svg", "iframe", "custom-tag", "center", "u-x"
  };

  private static String fragment(Random random, int depth) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      if (depth < 5 && random.nextInt(2) == 0) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        String attributes =
            switch (random.nextInt(5)) {
              case 0 -> " href=\"https://example.com/x\" onclick=\"x()\"";
              case 1 -> " class=\"next-subtitle\"";
              case 2 -> " class=\"paywall\" style=\"color:red\"";
              case 3 -> " src=\"javascript:alert(1)\"";
              default -> "";
            };
        sb.append('<').append(tag).append(attributes).append('>');
        sb.append(fragment(random, depth + 1));
        if (random.nextInt(6) > 0) { // sometimes left open
          sb.append("</").append(tag).append('>');
        }
      } else {
        String[] texts = {"Il reste 80 % de l'article", " ", "  deux  espaces ", "é « à »", "a&amp;b", "x", "\n", "Titre"};
        sb.append(texts[random.nextInt(texts.length)]);
      }
    }
    return sb.toString();
  }

  private static List<Path> files(String resource) throws IOException, URISyntaxException {
    Path folder = Path.of(Objects.requireNonNull(SanitizeOnceTest.class.getResource(resource)).toURI());
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
