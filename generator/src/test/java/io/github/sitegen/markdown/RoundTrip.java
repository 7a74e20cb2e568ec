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

  /** Parses Markdown with the GFM tables and strikethrough extensions. */
  static org.commonmark.node.Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /** The text of rendered Markdown, as jsoup's {@code text()} gives it. */
  static String textOfMarkdown(String markdown) {
    return text(Jsoup.parseBodyFragment(render(markdown)).body());
  }

  /** The text of the input HTML, without the elements the converter drops. */
  static String textOfHtml(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    for (String name : MarkdownConversion.DROPPED) {
      body.getElementsByTag(name).remove();
    }
    return text(body);
  }

  /** jsoup's {@code text()}, except that it treats {@code del} and {@code ins} as blocks. */
  private static String text(Element body) {
    body.select("del, ins").tagName("span");
    return body.text();
  }
}
