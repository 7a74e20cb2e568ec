package io.github.sitegen.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What a reader gets from an HTML fragment, as one string, for the news-article round trip: text
 * (HTML whitespace collapsed, no-break spaces kept), block boundaries, headings and their level,
 * list items, block quotes, code blocks (exact), table rows and cells, thematic breaks, line
 * breaks, emphasis, strong emphasis, strikethrough, code, links (text and URL) and images (URL,
 * alt, title). Presentational wrappers ({@code div}, {@code span}, {@code figure}, classes, styles)
 * carry nothing a reader sees and are ignored; an emphasis inside one of its kind looks the same
 * and counts once.
 *
 * <p>For the source HTML ({@code source} true) the documented degradations are the expected
 * reading: an iframe, video or audio is a link to its source labelled with its title, a figure
 * caption and {@code cite} are emphasis, a definition term is strong, a line break in a table cell
 * or heading is a space, {@code sup}/{@code sub} are their text; and what the converter drops for
 * safety (scripts, forms, script URLs, tracking pixels) is not expected back, nor a paragraph of
 * no-break spaces only (a spacer).
 */
final class ContentSignature {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "header",
          "footer",
          "main",
          "aside",
          "nav",
          "address",
          "figure",
          "details",
          "summary",
          "center",
          "hgroup",
          "dl",
          "dd",
          "fieldset",
          "legend",
          "ul",
          "ol",
          "caption",
          "figcaption",
          "dt",
          "table",
          "thead",
          "tbody",
          "tfoot");

  private ContentSignature() {}

  static String of(String html, String baseUri, boolean source) {
    Element body = Jsoup.parseBodyFragment(html, baseUri).body();
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(new Visitor(sb, source), body);
    return tidy(sb.toString());
  }

  private static String tidy(String s) {
    String t = s;
    // spaces at the edges of inline elements show outside of them
    for (int i = 0; i < 3; i++) {
      t = t.replaceAll("(⟪[a-z]+⟫) ", " $1").replaceAll(" (⟪/[a-z]+[^⟫]*⟫)", "$1 ");
    }
    t = t.replaceAll("⟪(em|strong|del|code)⟫⟪/\\1⟫", "").replaceAll("⟪a⟫⟪/a [^⟫]*⟫", "");
    t = t.replaceAll(" +", " ");
    t = t.replaceAll("↵↵+", "¶");
    t = t.replaceAll("[ ¶↵]*(⟨[^⟩]*⟩)[ ¶↵]*", "$1");
    t = t.replaceAll(" *¶[ ¶↵]*", "¶").replaceAll("↵ ", "↵").replaceAll(" ↵", "↵");
    t = t.replaceAll("¶[\u00a0 ]+¶", "¶"); // a spacer paragraph (<p>&nbsp;</p>) shows nothing
    t = t.replaceAll("^[¶↵ ]+|[¶↵ ]+$", "");
    return t;
  }

  private static final class Visitor implements NodeVisitor {
    private final StringBuilder sb;
    private final boolean source;
    private final Deque<String> closers = new ArrayDeque<>();

    /** Open links: a block boundary inside a link splits it, as Markdown must. */
    private final Deque<String> links = new ArrayDeque<>();

    private int skipDepth = -1;
    private int pre;
    private int cell;
    private int em;
    private int strong;

    Visitor(StringBuilder sb, boolean source) {
      this.sb = sb;
      this.source = source;
    }

    @Override
    public void head(Node node, int depth) {
      if (skipDepth >= 0) {
        return;
      }
      if (node instanceof TextNode text) {
        String s = text.getWholeText();
        // code keeps every space and line feed: stand-ins keep them out of the tidying
        sb.append(
            pre > 0
                ? s.replace(' ', '␠').replace('\n', '⏎')
                : s.replaceAll("[ \\t\\n\\r\\f]+", " "));
        return;
      }
      if (!(node instanceof Element el)) {
        return;
      }
      String name = el.normalName();
      if (source && skippedInSource(el, name)) {
        skipDepth = depth;
        closers.push("");
        return;
      }
      String close = "";
      switch (name) {
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          sb.append("⟨").append(name.toUpperCase()).append("⟩");
          cell++;
          close = "¶";
        }
        case "li" -> {
          sb.append("⟨LI⟩");
          close = "⟨/LI⟩";
        }
        case "blockquote" -> {
          sb.append("⟨Q⟩");
          close = "⟨/Q⟩";
        }
        case "pre" -> {
          sb.append("⟨PRE⟩");
          pre++;
          close = "⟨/PRE⟩";
        }
        case "tr" -> sb.append("⟨ROW⟩");
        case "td", "th" -> {
          sb.append("⟨|⟩");
          cell++;
        }
        case "hr" -> sb.append("⟨HR⟩");
        case "br" -> sb.append(cell > 0 ? " " : pre > 0 ? "⏎" : "↵");
        case "em", "i", "cite", "dfn", "var" -> close = open(true);
        case "strong", "b" -> close = open(false);
        case "del", "s", "strike" -> {
          sb.append("⟪del⟫");
          close = "⟪/del⟫";
        }
        case "code", "kbd", "samp", "tt" -> {
          if (pre == 0) {
            sb.append("⟪code⟫");
            close = "⟪/code⟫";
          }
        }
        case "a" -> {
          String href = href(el);
          if (href != null) {
            sb.append("⟪a⟫");
            links.push(href);
            close = "⟪/a " + href + "⟫";
          }
        }
        case "img" -> image(el);
        case "iframe", "video", "audio" -> embed(el);
        default -> {
          if (BLOCKS.contains(name)) {
            breakBlock();
            close = "¶";
          }
        }
      }
      if (source && name.equals("figcaption") && em == 0) {
        sb.append("⟪em⟫");
        em++;
        close = "⟪/em⟫¶";
      }
      if (name.equals("iframe") || name.equals("video") || name.equals("audio")) {
        skipDepth = depth; // fallback content is not shown
      }
      if (source && name.equals("dt") && strong == 0) {
        sb.append("⟪strong⟫");
        strong++;
        close = "⟪/strong⟫¶";
      }
      closers.push(close);
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return;
      }
      if (skipDepth >= 0 && depth > skipDepth) {
        return;
      }
      String close = closers.pop();
      if (skipDepth == depth) {
        skipDepth = -1;
        return;
      }
      String name = el.normalName();
      switch (name) {
        case "pre" -> {
          pre--;
          if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '⏎') {
            sb.setLength(sb.length() - 1);
          }
        }
        case "td", "th", "h1", "h2", "h3", "h4", "h5", "h6" -> cell--;
        default -> {}
      }
      if (close.startsWith("⟪/a ")) {
        links.pop();
      }
      if (close.equals("¶")) {
        breakBlock();
        return;
      }
      if (close.equals("⟪/em⟫") || close.equals("⟪/em⟫¶")) {
        em--;
      } else if (close.equals("⟪/strong⟫") || close.equals("⟪/strong⟫¶")) {
        strong--;
      }
      sb.append(close);
    }

    private void breakBlock() {
      if (links.isEmpty()) {
        sb.append('¶');
      } else {
        sb.append("⟪/a ").append(links.peek()).append("⟫¶⟪a⟫");
      }
    }

    private String open(boolean emphasis) {
      if (emphasis ? em > 0 : strong > 0) {
        return ""; // looks the same
      }
      if (emphasis) {
        em++;
        sb.append("⟪em⟫");
        return "⟪/em⟫";
      }
      strong++;
      sb.append("⟪strong⟫");
      return "⟪/strong⟫";
    }

    private boolean skippedInSource(Element el, String name) {
      if (MarkdownConversion.DROPPED.contains(name)) {
        return true;
      }
      return (name.equals("img") || name.equals("iframe"))
          && MarkdownConversion.isTrackingPixel(el);
    }

    private String href(Element el) {
      if (!el.hasAttr("href")) {
        return null;
      }
      if (!source) {
        return el.attr("href");
      }
      String raw = Urls.clean(el.attr("href"));
      if (!Urls.isSafe(raw, false)) {
        return null;
      }
      String abs = Urls.clean(el.absUrl("href"));
      return abs.isEmpty() ? raw : abs;
    }

    private void image(Element el) {
      String src = el.attr("src");
      if (source) {
        if (src.isEmpty() || src.startsWith("data:")) {
          src = el.attr("data-src");
        }
        String raw = Urls.clean(src);
        if (raw.isEmpty() || !Urls.isSafe(raw, true)) {
          return;
        }
        String abs = Urls.clean(el.absUrl(el.attr("src").equals(src) ? "src" : "data-src"));
        src = abs.isEmpty() ? raw : abs;
      }
      sb.append("⟪img ")
          .append(src)
          .append('|')
          .append(el.attr("alt").replaceAll("[ \\t\\n\\r\\f]+", " ").strip())
          .append('|')
          .append(el.attr("title"))
          .append("⟫");
    }

    private void embed(Element el) {
      String src = el.absUrl("src");
      if (src.isEmpty()) {
        Element sourceEl = el.selectFirst("source[src]");
        src = sourceEl == null ? "" : sourceEl.absUrl("src");
      }
      if (src.isEmpty() || !Urls.isSafe(src, false)) {
        return;
      }
      String label = el.attr("title").strip();
      if (label.isEmpty()) {
        label = el.attr("aria-label").strip();
      }
      sb.append("⟪a⟫").append(label.isEmpty() ? src : label).append("⟪/a ").append(src).append("⟫");
    }
  }
}
