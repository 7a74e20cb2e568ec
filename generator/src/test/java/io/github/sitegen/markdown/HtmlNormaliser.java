package io.github.sitegen.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Puts HTML in a canonical form for the round-trip measure, so that two fragments compare equal
 * exactly when a browser shows them the same way. With jsoup: the fragment is parsed (entity forms
 * such as {@code &amp;quot;}/{@code &amp;#34;} and void-tag syntax such as {@code <br />} vs {@code
 * <br>} disappear in the parse), attributes are sorted by name, HTML whitespace (space, tab, line
 * feed, form feed, carriage return; not no-break spaces) outside {@code pre} collapses to one
 * space, the line feed that ends a {@code pre} (which shows nothing) is dropped, whitespace next to
 * a block boundary or a {@code <br>} is removed (it renders as nothing), and the tree is serialised
 * without pretty printing, escaping only {@code & < >} and quotes in attributes. Nothing else is
 * forgiven: a tight list against a loose one, {@code <em>} against {@code <strong>}, a lost title
 * or a changed URL all count as differences.
 */
final class HtmlNormaliser {

  private static final Set<String> BLOCKS =
      Set.of(
          "body",
          "p",
          "div",
          "ul",
          "ol",
          "li",
          "blockquote",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "pre",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "th",
          "td",
          "hr",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "caption",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "nav",
          "main",
          "address",
          "details",
          "summary");

  private HtmlNormaliser() {}

  /** The canonical form of an HTML fragment. */
  static String normalise(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
    Element body = doc.body();
    List<Node> all = new ArrayList<>();
    collect(body, all);
    for (Node node : all) {
      if (node instanceof Element el) {
        sortAttributes(el);
      }
    }
    for (Node node : all) {
      if (node instanceof TextNode text && !inPre(text)) {
        text.text(collapse(text.getWholeText()));
      }
      if (node instanceof Element el && el.normalName().equals("pre")) {
        dropFinalLineFeed(el);
      }
    }
    for (Node node : all) {
      if (node instanceof TextNode text && !inPre(text)) {
        trimAtBoundaries(text);
      }
    }
    return body.html();
  }

  /** Every node under root, in document order, without recursion (deep trees are fine). */
  private static void collect(Element root, List<Node> out) {
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Node node = stack.remove(stack.size() - 1);
      out.add(node);
      List<Node> children = node.childNodes();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.add(children.get(i));
      }
    }
  }

  /** A line feed that ends a {@code pre} shows nothing: {@code <pre>a\n</pre>} is {@code a}. */
  private static void dropFinalLineFeed(Element pre) {
    Node last = pre;
    while (last.childNodeSize() > 0) {
      last = last.childNode(last.childNodeSize() - 1);
    }
    if (last instanceof TextNode text && text.getWholeText().endsWith("\n")) {
      String s = text.getWholeText();
      text.text(s.substring(0, s.length() - 1));
    }
  }

  private static void sortAttributes(Element el) {
    if (el.attributesSize() < 2) {
      return;
    }
    List<Attribute> attributes = new ArrayList<>(el.attributes().asList());
    attributes.sort(Comparator.comparing(Attribute::getKey));
    for (Attribute a : attributes) {
      el.removeAttr(a.getKey());
    }
    for (Attribute a : attributes) {
      el.attr(a.getKey(), a.getValue());
    }
  }

  private static boolean inPre(Node node) {
    for (Node n = node.parent(); n != null; n = n.parent()) {
      if (n instanceof Element el && el.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  private static String collapse(String text) {
    return text.replaceAll("[ \\t\\n\\r\\f]+", " ");
  }

  /** Removes the spaces a browser would not show: at block edges, around blocks and line breaks. */
  private static void trimAtBoundaries(TextNode text) {
    String s = text.getWholeText();
    if (s.startsWith(" ") && boundaryBefore(text)) {
      s = s.substring(1);
    }
    if (s.endsWith(" ") && boundaryAfter(text)) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      text.remove();
    } else {
      text.text(s);
    }
  }

  private static boolean boundaryBefore(Node node) {
    for (Node n = node; n != null; n = n.parent()) {
      Node prev = n.previousSibling();
      if (prev != null) {
        return isBoundary(prev);
      }
      if (isBlock(n.parent())) {
        return true;
      }
    }
    return true;
  }

  private static boolean boundaryAfter(Node node) {
    for (Node n = node; n != null; n = n.parent()) {
      Node next = n.nextSibling();
      if (next != null) {
        return isBoundary(next);
      }
      if (isBlock(n.parent())) {
        return true;
      }
    }
    return true;
  }

  private static boolean isBoundary(Node node) {
    return node instanceof Element el && (isBlock(el) || el.normalName().equals("br"));
  }

  private static boolean isBlock(Node node) {
    return node instanceof Element el && BLOCKS.contains(el.normalName());
  }
}
