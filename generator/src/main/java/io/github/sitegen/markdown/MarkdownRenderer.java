package io.github.sitegen.markdown;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Entities;

/**
 * Renders archive Markdown to HTML with commonmark-java (GFM tables, strikethrough, autolinks,
 * heading anchors). One parser and renderer are shared; thread-safe.
 *
 * <p>Raw HTML in the Markdown is escaped, never passed through, and link destinations other than
 * {@code http}, {@code https}, {@code mailto} and relative URLs are dropped: the archive is
 * sanitised on import, but hand-written files are not trusted either.
 *
 * <pre>{@code
 * String html = new MarkdownRenderer().toHtml("Un *test*", url -> url); // <p>Un <em>test</em></p>
 * }</pre>
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer htmlRenderer;

  /** A renderer; one is enough for any number of threads. */
  public MarkdownRenderer() {
    this(Autolinks.create());
  }

  /**
   * A renderer with another autolink extension: tests compare {@link Autolinks} with commonmark's
   * {@code AutolinkExtension}.
   */
  MarkdownRenderer(Extension autolinks) {
    List<Extension> extensions =
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            autolinks,
            HeadingAnchorExtension.create());
    parser = Parser.builder().extensions(extensions).build();
    htmlRenderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> MarkdownRenderer::adjustAttributes)
            .build();
  }

  /**
   * Renders Markdown to an HTML fragment.
   *
   * @param markdown the Markdown body; {@code ""} gives {@code ""}
   * @param linkRewriter applied to every link and image destination (e.g. to point links at
   *     archived pages); return the argument to keep it
   */
  public String toHtml(String markdown, UnaryOperator<String> linkRewriter) {
    return toHtml(markdown, linkRewriter, "");
  }

  /**
   * Renders Markdown to an HTML fragment whose element ids (and the links to them) start with
   * {@code idPrefix}, so several articles can share one page without clashing ids.
   *
   * @param idPrefix prepended to every id, e.g. {@code "a2-"}; {@code ""} for none
   */
  public String toHtml(String markdown, UnaryOperator<String> linkRewriter, String idPrefix) {
    requireNonNull(idPrefix, "idPrefix");
    return withIdPrefix(render(markdown, linkRewriter, false).html(), idPrefix);
  }

  /**
   * A body parsed once: its HTML and, when asked, its plain text.
   *
   * @param html as {@link #toHtml(String, UnaryOperator)} gives it
   * @param text as {@link #toPlainText(String, int)} gives it without a limit; {@code ""} when not
   *     asked for
   * @param words the number of words of the text (counted even when the text was not asked for)
   * @param plain whether the Markdown nested too deeply to be parsed (thousands of quote, list or
   *     emphasis levels: hostile or broken input), so that {@code html} shows its source as escaped
   *     text in paragraphs, and {@code text} is that source
   */
  public record Rendered(String html, String text, int words, boolean plain) {
    public Rendered {
      requireNonNull(html, "html");
      requireNonNull(text, "text");
    }
  }

  /**
   * Parses Markdown once for its HTML (as {@link #toHtml(String, UnaryOperator)}), its word count
   * and, when {@code withText}, its plain text (as {@link #toPlainText(String, int)}): a site shows,
   * counts and indexes each body without parsing it three times.
   */
  public Rendered render(String markdown, UnaryOperator<String> linkRewriter, boolean withText) {
    requireNonNull(markdown, "markdown");
    requireNonNull(linkRewriter, "linkRewriter");
    try {
      return parse(markdown, linkRewriter, withText);
    } catch (StackOverflowError e) {
      // commonmark parses and renders nested blocks and inlines recursively; the stack is unwound
      // by now, and the body is still shown, as text
      char[] source = markdown.toCharArray();
      return new Rendered(
          escapedParagraphs(markdown), withText ? collapseWhitespace(source) : "", words(source), true);
    }
  }

  private Rendered parse(String markdown, UnaryOperator<String> linkRewriter, boolean withText) {
    Node document = parser.parse(markdown);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            link.setDestination(linkRewriter.apply(link.getDestination()));
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            image.setDestination(linkRewriter.apply(image.getDestination()));
            visitChildren(image);
          }
        });
    var collected = new StringBuilder();
    document.accept(new TextCollector(collected));
    String html = figures(htmlRenderer.render(document));
    // read as one char array, for both: a charAt per character through CharSequence (or String's
    // Latin-1/UTF-16 dispatch) was ~5 % of a build under the launcher's C1-only JIT
    char[] text = chars(collected);
    return new Rendered(html, withText ? collapseWhitespace(text) : "", words(text), false);
  }

  /** Text as HTML paragraphs (split at blank lines), escaped by jsoup; no recursion. */
  private static String escapedParagraphs(String text) {
    var html = new StringBuilder(text.length() + 64);
    boolean open = false;
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        if (open) {
          html.append("</p>\n");
          open = false;
        }
        continue;
      }
      html.append(open ? "\n" : "<p>").append(Entities.escape(line.strip()));
      open = true;
    }
    if (open) {
      html.append("</p>\n");
    }
    return html.toString();
  }

  /** Words in a text: runs of characters other than the whitespace of the regular expression \s. */
  public static int words(CharSequence text) {
    return words(text.toString().toCharArray());
  }

  private static int words(char[] chars) {
    int words = 0;
    boolean inWord = false;
    for (char c : chars) {
      boolean space = c <= ' ' && isSpace(c);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /**
   * HTML from {@link #toHtml} with every element id, and every link to one, starting with {@code
   * idPrefix}; {@code ""} leaves it as it is.
   */
  public static String withIdPrefix(String html, String idPrefix) {
    if (idPrefix.isEmpty()) {
      return html;
    }
    // text never holds a raw quote (the renderer escapes it), so these only match attributes
    return html.replace(" id=\"", " id=\"" + idPrefix).replace(" href=\"#", " href=\"#" + idPrefix);
  }

  /**
   * A paragraph holding only an image becomes a {@code <figure>}; an emphasised paragraph right
   * under it (how the converter keeps a {@code <figcaption>}) becomes its caption.
   */
  static String figures(String html) {
    // the pattern is tried only where a match can start (a paragraph opening with an image or a
    // link): a replaceAll over the whole page tried it at every character, ~6 % of a build
    int image = html.indexOf(IMAGE_PARAGRAPH);
    int link = html.indexOf(LINK_PARAGRAPH);
    if (image < 0 && link < 0) {
      return html;
    }
    Matcher m = FIGURE.matcher(html);
    var out = new StringBuilder(html.length() + 64);
    int copied = 0;
    while (image >= 0 || link >= 0) {
      int at = image < 0 ? link : link < 0 ? image : Math.min(image, link);
      m.region(at, html.length());
      int next = at + 1;
      if (m.lookingAt()) {
        out.append(html, copied, at).append("<figure>").append(m.group(1));
        if (m.group(2) != null) {
          out.append("\n<figcaption>").append(m.group(2)).append("</figcaption>");
        }
        out.append("</figure>\n");
        copied = m.end();
        next = copied;
      }
      // each kind of start is searched again only once passed
      if (image >= 0 && image < next) {
        image = html.indexOf(IMAGE_PARAGRAPH, next);
      }
      if (link >= 0 && link < next) {
        link = html.indexOf(LINK_PARAGRAPH, next);
      }
    }
    return out.append(html, copied, html.length()).toString();
  }

  private static final String IMAGE_PARAGRAPH = "<p><img ";
  private static final String LINK_PARAGRAPH = "<p><a ";

  /** An image paragraph (the image may be a link), and an optional emphasised one after it. */
  static final Pattern FIGURE =
      Pattern.compile(
          "<p>((?:<a [^>]*>)?<img [^>]*/>(?:</a>)?)</p>\n"
              + "(?:<p><em>((?:(?!</em>|<p>|</p>).)*)</em></p>\n"
              + ")?");

  /**
   * URL sanitising marks every link {@code rel="nofollow"}; links within the site (relative ones)
   * need no such mark. Images load lazily: long archive pages have many.
   */
  private static void adjustAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (node instanceof Link link && !link.getDestination().contains(":")) {
      attributes.remove("rel");
    } else if (node instanceof Image) {
      attributes.put("loading", "lazy");
    }
  }

  /**
   * The plain text of Markdown (for summaries, word counts and search), whitespace collapsed, cut
   * at a word boundary to at most {@code maxChars} characters with "…" appended when cut (the
   * ellipsis counts in {@code maxChars}).
   *
   * @throws IllegalArgumentException when {@code maxChars} is less than 1
   */
  public String toPlainText(String markdown, int maxChars) {
    requireNonNull(markdown, "markdown");
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
    var collected = new StringBuilder();
    try {
      parser.parse(markdown).accept(new TextCollector(collected));
    } catch (StackOverflowError e) { // nested too deeply: the source is the text (see Rendered)
      return cut(collapseWhitespace(markdown.toCharArray()), maxChars);
    }
    return cut(collapseWhitespace(chars(collected)), maxChars);
  }

  /**
   * Plain text (whitespace already collapsed) cut at a word boundary to at most {@code maxChars}
   * characters, "…" appended when cut (the ellipsis counts in {@code maxChars}).
   *
   * @throws IllegalArgumentException when {@code maxChars} is less than 1
   */
  public static String cut(String text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
    if (text.length() <= maxChars) {
      return text;
    }
    int limit = maxChars - 1; // room for the ellipsis
    int cut = text.lastIndexOf(' ', limit);
    String head = cut > 0 ? text.substring(0, cut) : text.substring(0, limit);
    if (!head.isEmpty() && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
      head = head.substring(0, head.length() - 1);
    }
    return head.stripTrailing() + "…";
  }

  private static char[] chars(StringBuilder text) {
    char[] chars = new char[text.length()];
    text.getChars(0, chars.length, chars, 0);
    return chars;
  }

  /**
   * The whitespace of the regular expression {@code \\s}. All of it is at or below the space, so
   * the loops over a body's text call this only for such characters: a call per character (C1 does
   * not inline it) was ~3 % of a build.
   */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Runs of whitespace as one space, trimmed (what {@code replaceAll("\\s+", " ").strip()} gives). */
  private static String collapseWhitespace(char[] chars) {
    // into a char array: a StringBuilder append per char (UTF-16 for French text) was ~5 % of a
    // build with the search index under C1
    char[] out = new char[chars.length];
    int length = 0;
    boolean space = false;
    for (char c : chars) {
      if (c <= ' ' && isSpace(c)) {
        space = length > 0;
      } else {
        if (space) {
          out[length++] = ' ';
          space = false;
        }
        out[length++] = c;
      }
    }
    return new String(out, 0, length).strip();
  }

  /** Collects the text of a document, a space between blocks and for line breaks; no markup. */
  private static final class TextCollector extends AbstractVisitor {
    private final StringBuilder text;

    TextCollector(StringBuilder text) {
      this.text = text;
    }

    @Override
    public void visit(Text node) {
      text.append(node.getLiteral());
    }

    @Override
    public void visit(Code node) {
      text.append(node.getLiteral());
    }

    @Override
    public void visit(FencedCodeBlock node) {
      text.append(' ').append(node.getLiteral()).append(' ');
    }

    @Override
    public void visit(IndentedCodeBlock node) {
      text.append(' ').append(node.getLiteral()).append(' ');
    }

    @Override
    public void visit(SoftLineBreak node) {
      text.append(' ');
    }

    @Override
    public void visit(HardLineBreak node) {
      text.append(' ');
    }

    @Override
    protected void visitChildren(Node parent) {
      super.visitChildren(parent);
      if (parent instanceof Block || parent instanceof TableCell) {
        text.append(' ');
      }
    }
  }
}
