package io.github.sitegen.markdown;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Allow-list sanitiser for feed HTML, applied on import before any conversion: only text markup,
 * links, images, lists, tables, quotes and code survive; scripts, styles, frames, forms, SVG and
 * MathML go with their content; every {@code on*} attribute and {@code style} goes; {@code href}
 * and {@code src} keep only {@code http}, {@code https} and {@code mailto} URLs (and relative ones
 * resolving to them), so {@code javascript:}, {@code data:} and {@code vbscript:} never reach the
 * archive. {@code class} is kept everywhere (the extractor reads Next's {@code next-subtitle}, its
 * paywall notice...). Uses jsoup's iterative {@link Cleaner}: deep nesting cannot overflow the
 * stack. Thread-safe.
 *
 * <pre>{@code
 * HtmlSanitizer.sanitize("<p onclick=\"x()\">Hi<script>alert(1)</script></p>", "")  // "<p>Hi</p>"
 * }</pre>
 */
public final class HtmlSanitizer {

  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "small", "abbr", "time")
          .addAttributes(":all", "class", "title", "lang", "dir")
          .addAttributes("a", "href", "rel")
          .addAttributes("img", "src", "alt", "width", "height")
          .addAttributes("abbr", "title")
          .addAttributes("time", "datetime")
          .addProtocols("a", "href", "http", "https", "mailto")
          .preserveRelativeLinks(true);

  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#\"'<>]+[^\\s\"'<>]*");

  private HtmlSanitizer() {}

  /**
   * The allowed part of an HTML fragment, as HTML; {@code ""} for empty input.
   *
   * @param baseUri base the relative URLs are checked against (they stay relative); {@code ""}
   *     when unknown, in which case relative URLs are dropped
   */
  public static String sanitize(String html, String baseUri) {
    if (html.isBlank()) {
      return "";
    }
    return cleaner(Jsoup.parseBodyFragment(html, baseUri)).html();
  }

  /**
   * The allowed part of an HTML fragment as the body of a document of its own (base URI {@code
   * baseUri}), for a converter to read without writing it out and parsing it again: the same
   * nodes as parsing {@link #sanitize}'s HTML gives (adjacent text nodes, left side by side by a
   * dropped element, are one). Empty for blank input.
   */
  public static Element clean(String html, String baseUri) {
    if (html.isBlank()) {
      return Document.createShell(baseUri).body();
    }
    // parsed as Jsoup.parseBodyFragment does, noting whether the markup had errors
    Document dirty = Document.createShell(baseUri);
    ParseErrorList errors = ParseErrorList.tracking(1);
    Node[] nodes = Parser.parseFragment(html, dirty.body(), baseUri, errors).toArray(new Node[0]);
    for (int i = nodes.length - 1; i > 0; i--) {
      nodes[i].remove();
    }
    for (Node node : nodes) {
      dirty.body().appendChild(node);
    }
    boolean moved = !errors.isEmpty() || liftsContent(dirty.body());
    Element body = cleaner(dirty);
    if (moved) {
      // Parsing markup with errors can build trees no markup gives (foster-parented table
      // content, misnested formatting), and what was inside a dropped element takes its place,
      // where parsing may never put it (a heading in a heading, a list in a paragraph): the
      // converter reads what parsing the sanitised HTML gives, as it always has. Well-formed
      // feed HTML (Next's, the bench corpus's) never comes here.
      return Jsoup.parseBodyFragment(body.html(), baseUri).body();
    }
    // iterative: deep nesting cannot overflow the stack
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof Element element) {
            joinAdjacentText(element);
          }
        },
        body);
    return body;
  }

  /** The allowed part of a parsed fragment: the body of a new document. */
  private static Element cleaner(Document dirty) {
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean.body();
  }

  /**
   * Whether the cleaner drops an element below {@code root} but keeps what is inside it (elements
   * or text, which then take its place).
   */
  private static boolean liftsContent(Element root) {
    for (Element element : root.getAllElements()) {
      if (element != root
          && element.childNodeSize() > 0
          && !SAFELIST.isSafeTag(element.normalName())) {
        for (Node child : element.childNodes()) {
          if (child instanceof Element || child instanceof TextNode) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Joins each run of adjacent text nodes among the element's children into its first; in a
   * {@code pre}, takes the newline off the start of its text as parsing does.
   */
  private static void joinAdjacentText(Element element) {
    if (element.childNodeSize() > 1) { // (childNodes() would make a list for every leaf)
      List<Node> children = element.childNodes();
      for (int i = children.size() - 1; i > 0; i--) {
        Node node = children.get(i);
        Node before = children.get(i - 1);
        if (node.getClass() == TextNode.class && before.getClass() == TextNode.class) {
          TextNode first = (TextNode) before;
          first.text(first.getWholeText() + ((TextNode) node).getWholeText());
          node.remove();
        }
      }
    }
    if (element.nameIs("pre")) {
      dropLeadingNewline(element);
    }
  }

  private static void dropLeadingNewline(Element pre) {
    if (pre.childNodeSize() > 0
        && pre.childNode(0).getClass() == TextNode.class
        && pre.childNode(0) instanceof TextNode first
        && first.getWholeText().startsWith("\n")) {
      first.text(first.getWholeText().substring(1));
    }
  }

  /**
   * The URL when it is an absolute {@code http}/{@code https} URL, else {@code ""}: for links and
   * images that end up in {@code href}/{@code src} attributes.
   */
  public static String safeUrl(String url) {
    String trimmed = url.strip();
    return WEB_URL.matcher(trimmed).matches() ? trimmed : "";
  }
}
