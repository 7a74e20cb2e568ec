package io.github.sitegen.markdown;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Renders Markdown back with commonmark-java and compares the text with the HTML it came from. */
final class RoundTrip {

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), StrikethroughExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).build();

  private RoundTrip() {}

  static String render(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** The text of rendered Markdown, as jsoup's {@code text()} gives it. */
  static String textOfMarkdown(String markdown) {
    return Jsoup.parseBodyFragment(render(markdown)).body().text();
  }

  /** The text of the input HTML, without the elements the converter drops. */
  static String textOfHtml(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    for (String name : MarkdownConversion.DROPPED) {
      body.getElementsByTag(name).remove();
    }
    return body.text();
  }
}
