package io.github.sitegen.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * One conversion of an HTML tree to Markdown: a head/tail node filter (iterative, so any depth of
 * nesting is fine) writing into a {@link BlockBuffer} and the {@link InlineBuffer} of the block at
 * hand. Not thread-safe; {@link HtmlToMarkdown} makes one per call.
 */
final class MarkdownConversion implements NodeFilter {

  /** Elements dropped with everything inside them. */
  static final Set<String> DROPPED =
      Set.of(
          "script", "style", "noscript", "template", "form", "input", "button", "select",
          "option", "optgroup", "textarea", "datalist", "output", "progress", "meter", "object",
          "embed", "applet", "param", "source", "track", "svg", "canvas", "head", "title", "meta",
          "link", "base", "frame", "frameset", "noframes");

  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "address",
          "figure", "details", "summary", "center", "hgroup", "dl", "dd", "fieldset", "legend",
          "menu", "dir", "search", "dialog", "tbody", "thead", "tfoot", "tr", "td", "th",
          "caption", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
          "hr", "table", "figcaption", "dt");

  /**
   * Deeper block quotes and lists are flattened into the deepest one: Markdown readers (and
   * commonmark-java's renderer, which recurses) are not made for thousands of levels.
   */
  private static final int MAX_CONTAINER_DEPTH = 32;

  private enum Action {
    NONE,
    FRAME,
    BLOCK,
    HEADING,
    PRE,
    CODE,
    QUOTE,
    LIST,
    ITEM,
    TABLE,
    CELL,
    CAPTION,
    FIGCAPTION,
    TERM
  }

  /**
   * A list being written: its numbering, delimiter ({@code -}, {@code *}, {@code .}, {@code )}).
   */
  private record ListState(
      boolean ordered, long start, char delimiter, boolean loose, int[] items) {}

  private final String baseUri;
  /** {@code scheme://authority} of the base URI, or {@code ""}. */
  private final String origin;
  private final BlockBuffer blocks = new BlockBuffer();
  private final InlineBuffer paragraph = new InlineBuffer(InlineBuffer.Mode.PARAGRAPH);
  private final InlineBuffer heading = new InlineBuffer(InlineBuffer.Mode.SINGLE_LINE);
  private final Deque<Action> actions = new ArrayDeque<>();
  private final Deque<ListState> lists = new ArrayDeque<>();
  private int headingLevel;
  private int preDepth;
  private final StringBuilder preText = new StringBuilder();
  private String preLanguage = "";
  private int codeDepth;
  private final StringBuilder codeText = new StringBuilder();
  private int tableDepth;
  private TableState table;
  /** Where the last list ended: depth, blocks written then, its delimiter; to alternate it. */
  private int lastListDepth = -1;
  private int lastListWritten = -1;
  private char lastListDelimiter;

  MarkdownConversion(String baseUri) {
    this.baseUri = baseUri;
    this.origin = Urls.origin(baseUri);
  }

  String convert(Element root) {
    NodeTraversor.filter(this, root);
    flushParagraph();
    return blocks.finish();
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode text) {
      text(text.getWholeText());
      return FilterResult.CONTINUE;
    }
    if (!(node instanceof Element el)) {
      return FilterResult.SKIP_ENTIRELY; // comments, doctypes, data of dropped elements
    }
    String name = el.normalName();
    if (DROPPED.contains(name)) {
      return FilterResult.SKIP_ENTIRELY;
    }
    if (preDepth > 0 || codeDepth > 0) {
      literalElement(el, name);
      actions.push(Action.NONE);
      return FilterResult.CONTINUE;
    }
    Action action = start(el, name);
    actions.push(action);
    return switch (name) {
      case "br", "img", "iframe", "video", "audio", "hr" -> FilterResult.SKIP_CHILDREN;
      default -> FilterResult.CONTINUE;
    };
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element) {
      end(actions.pop());
    }
    return FilterResult.CONTINUE;
  }

  private void text(String text) {
    if (preDepth > 0) {
      preText.append(text);
    } else if (codeDepth > 0) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (InlineBuffer.isHtmlSpace(c)) {
          if (codeText.length() == 0 || codeText.charAt(codeText.length() - 1) != ' ') {
            codeText.append(' ');
          }
        } else {
          codeText.append(c);
        }
      }
    } else {
      inline().text(text);
    }
  }

  /** An element inside {@code pre} or {@code code}: only line breaks and the language count. */
  private void literalElement(Element el, String name) {
    if (name.equals("br")) {
      if (preDepth > 0) {
        preText.append('\n');
      } else {
        codeText.append(' ');
      }
    } else if (name.equals("code") && preDepth > 0 && preLanguage.isEmpty()) {
      preLanguage = language(el);
    }
  }

  private Action start(Element el, String name) {
    switch (name) {
      case "br" -> {
        if (table == null && headingLevel == 0 && paragraph.hasPendingBreak()) {
          flushParagraph(); // two line breaks in a row read as a new paragraph
        } else {
          inline().hardBreak();
        }
        return Action.NONE;
      }
      case "img" -> {
        image(el);
        return Action.NONE;
      }
      case "iframe", "video", "audio" -> {
        embed(el, name);
        return Action.NONE;
      }
      case "a" -> {
        String href = url(el, "href", false);
        if (href.isEmpty() && el.hasAttr("href") && el.attr("href").isBlank()) {
          href = baseUri.isEmpty() ? "" : Urls.clean(el.absUrl("href")); // a link to this page
          if (inline().inLink()) {
            return Action.NONE;
          }
          inline()
              .open(
                  new InlineBuffer.Frame(
                      "[", "](" + destination(href) + title(el) + ")", false, true));
          return Action.FRAME;
        }
        if (href.isEmpty() || inline().inLink()) {
          return Action.NONE;
        }
        inline()
            .open(
                new InlineBuffer.Frame(
                    "[", "](" + destination(href) + title(el) + ")", false, true));
        return Action.FRAME;
      }
      case "em", "i", "cite", "dfn", "var" -> {
        return emphasis(1);
      }
      case "strong", "b" -> {
        return emphasis(2);
      }
      case "del", "s", "strike" -> {
        if (inline().isOpen("~~")) {
          return Action.NONE; // "~~~~" is not a strikethrough: <del> in <del> is written once
        }
        inline().open(new InlineBuffer.Frame("~~", "~~", true, false));
        return Action.FRAME;
      }
      case "code", "kbd", "samp", "tt" -> {
        codeDepth = 1;
        codeText.setLength(0);
        return Action.CODE;
      }
      default -> {
        if (BLOCKS.contains(name)) {
          return startBlock(el, name);
        }
        return Action.NONE;
      }
    }
  }

  /**
   * Opens an emphasis ({@code width} 1) or strong emphasis (2), written with {@code *} unless the
   * innermost open emphasis already uses it, then with {@code _}: {@code **_a_ b _c_**} parses as
   * meant where {@code ***a* b *c***} may not, and {@code *(_x_)*} keeps an emphasis nested in
   * another one. An emphasis nested in one of its kind is written once (it looks the same) when it
   * is deeper than two, inside a word, or right after the delimiter it would use: runs such as
   * {@code *_*_*x} or {@code *a___b} no longer parse as nested.
   */
  private Action emphasis(int width) {
    InlineBuffer inline = inline();
    char innermost = inline.innermostEmphasis();
    // not the innermost emphasis's character, nor the one of a closing delimiter just before
    boolean afterStar =
        inline.charBefore() == '*' && !inline.continues("*".repeat(width)); // </b><b> is one
    char written = innermost == '*' || (innermost == 0 && afterStar) ? '_' : '*';
    if (written == '_' && innermost == '*' && Character.isLetterOrDigit(inline.charBefore())) {
      // "_" cannot open inside a word: "**gras*italique***" reads better than "**gra&#115;_…"
      written = '*';
    }
    if (inline.isOpen(width == 1 ? "*" : "**") || inline.isOpen(width == 1 ? "_" : "__")) {
      // nested in one of its kind: written only where its delimiters cannot merge or mislead
      char before = inline.charBefore();
      if (inline.emphasisDepth() >= 2 || Character.isLetterOrDigit(before) || before == written) {
        return Action.NONE;
      }
    }
    String delimiter = String.valueOf(written).repeat(width);
    inline.open(new InlineBuffer.Frame(delimiter, delimiter, true, false));
    return Action.FRAME;
  }

  private Action startBlock(Element el, String name) {
    if (table != null) {
      return startInTable(el, name);
    }
    if (headingLevel > 0) {
      heading.space();
      return Action.BLOCK;
    }
    flushParagraph();
    switch (name) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        headingLevel = name.charAt(1) - '0';
        return Action.HEADING;
      }
      case "hr" -> {
        // in a list item "- ---" would be one thematic break, "text\n  ---" a heading
        blocks.block(blocks.inItem() ? "***" : "---", false);
        return Action.NONE;
      }
      case "pre" -> {
        preDepth = 1;
        preText.setLength(0);
        preLanguage = language(el);
        return Action.PRE;
      }
      case "blockquote" -> {
        if (blocks.depth() >= MAX_CONTAINER_DEPTH) {
          return Action.BLOCK;
        }
        blocks.open("> ", "> ", false, false);
        return Action.QUOTE;
      }
      case "ul", "ol" -> {
        boolean ordered = name.equals("ol");
        long start = ordered ? startNumber(el) : 1;
        char delimiter = ordered ? '.' : '-';
        if (lastListDepth == blocks.depth()
            && lastListWritten == blocks.written()
            && lastListDelimiter == delimiter) {
          // two lists in a row would merge into one: the second uses the other delimiter
          delimiter = ordered ? ')' : '*';
        }
        lists.push(new ListState(ordered, start, delimiter, isLoose(el), new int[1]));
        return Action.LIST;
      }
      case "li" -> {
        if (blocks.depth() >= MAX_CONTAINER_DEPTH) {
          return Action.BLOCK;
        }
        ListState list = lists.peek();
        String marker = "- ";
        boolean tight = true;
        if (list != null) {
          tight = !list.loose();
          if (list.items()[0] > 0 && tight) {
            blocks.nextItem();
          }
          marker =
              list.ordered()
                  ? (list.start() + list.items()[0]) + String.valueOf(list.delimiter()) + " "
                  : list.delimiter() + " ";
          list.items()[0]++;
        }
        blocks.open(marker, " ".repeat(marker.length()), true, tight);
        return Action.ITEM;
      }
      case "table" -> {
        tableDepth = 1;
        table = new TableState();
        return Action.TABLE;
      }
      case "figcaption" -> {
        paragraph.open(new InlineBuffer.Frame("*", "*", true, false));
        return Action.FIGCAPTION;
      }
      case "dt" -> {
        paragraph.open(new InlineBuffer.Frame("**", "**", true, false));
        return Action.TERM;
      }
      default -> {
        return Action.BLOCK;
      }
    }
  }

  /** Inside a table, block structure flattens to spaces except for the table's own cells. */
  private Action startInTable(Element el, String name) {
    switch (name) {
      case "table" -> {
        tableDepth++;
        inline().space();
        return Action.TABLE;
      }
      case "tr" -> {
        if (tableDepth == 1) {
          table.startRow();
          return Action.NONE;
        }
      }
      case "td", "th" -> {
        if (tableDepth == 1) {
          table.startCell(el);
          return Action.CELL;
        }
      }
      case "caption" -> {
        if (tableDepth == 1) {
          table.startCaption();
          return Action.CAPTION;
        }
      }
      default -> {}
    }
    inline().space();
    return Action.BLOCK;
  }

  private void end(Action action) {
    switch (action) {
      case NONE -> {}
      case FRAME -> inline().close();
      case BLOCK -> boundary();
      case HEADING -> {
        String text = heading.finish();
        int level = headingLevel;
        headingLevel = 0;
        // an empty heading is still a heading
        blocks.block(
            text.isEmpty()
                ? "#".repeat(level)
                : "#".repeat(level) + " " + escapeClosingHashes(text),
            false);
      }
      case PRE -> {
        preDepth = 0;
        codeBlock(preText.toString(), preLanguage);
      }
      case CODE -> {
        codeDepth = 0;
        inlineCode(codeText.toString());
      }
      case QUOTE -> {
        flushParagraph();
        blocks.close();
      }
      case LIST -> {
        flushParagraph();
        ListState list = lists.pop();
        lastListDepth = blocks.depth();
        lastListWritten = blocks.written();
        lastListDelimiter = list.delimiter();
      }
      case ITEM -> {
        flushParagraph();
        blocks.close();
      }
      case TABLE -> {
        tableDepth--;
        if (tableDepth == 0) {
          TableState done = table;
          table = null;
          done.write(blocks);
        } else {
          inline().space();
        }
      }
      case CELL -> table.endCell();
      case CAPTION -> table.endCaption();
      case FIGCAPTION, TERM -> {
        paragraph.close();
        flushParagraph();
      }
    }
  }

  private InlineBuffer inline() {
    if (table != null) {
      return table.current();
    }
    return headingLevel > 0 ? heading : paragraph;
  }

  private void boundary() {
    if (table != null || headingLevel > 0) {
      inline().space();
    } else {
      flushParagraph();
    }
  }

  private void flushParagraph() {
    String text = paragraph.finish();
    if (!InlineBuffer.isAllSpaces(text)) { // only no-break spaces: a spacer (<p>&nbsp;</p>)
      blocks.block(text, true);
    }
  }

  /**
   * A list is loose (its items' text in paragraphs, blank lines between them) when one of its items
   * holds a {@code <p>}: that is how CommonMark renders a loose list.
   */
  private static boolean isLoose(Element list) {
    for (Element item : list.children()) {
      for (Element child : item.children()) {
        if (child.nameIs("p")) {
          return true;
        }
      }
    }
    return false;
  }

  /** An ATX heading's closing sequence ({@code ## Issue #}) would be dropped: escape it. */
  private static String escapeClosingHashes(String text) {
    int end = text.length();
    int start = end;
    while (start > 0 && text.charAt(start - 1) == '#') {
      start--;
    }
    if (start < end && (start == 0 || text.charAt(start - 1) == ' ')) {
      return text.substring(0, start) + "\\" + text.substring(start);
    }
    return text;
  }

  private void codeBlock(String raw, String language) {
    String code = raw.replace("\r\n", "\n").replace('\r', '\n');
    // the closing fence gives back the line feed that ends the last line; an empty block stays
    if (code.endsWith("\n")) {
      code = code.substring(0, code.length() - 1);
    }
    String fence = "`".repeat(Math.max(3, InlineBuffer.longestRun(code, '`') + 1));
    String body = code.isEmpty() && !raw.endsWith("\n") ? "" : code + "\n";
    blocks.block(fence + language + "\n" + body + fence, false);
  }

  private void inlineCode(String code) {
    InlineBuffer inline = inline();
    if (code.equals(" ")) {
      inline.code(code); // a code span of one space is written "` `"
      return;
    }
    int start = 0;
    int end = code.length();
    if (start < end && code.charAt(start) == ' ') {
      inline.space();
      start++;
    }
    boolean spaceAfter = end > start && code.charAt(end - 1) == ' ';
    if (spaceAfter) {
      end--;
    }
    inline.code(code.substring(start, end));
    if (spaceAfter) {
      inline.space();
    }
  }

  private void image(Element el) {
    if (isTrackingPixel(el)) {
      return;
    }
    String src = url(el, "src", true);
    if (src.isEmpty() || src.startsWith("data:")) {
      // lazy loading puts the real image in data-src and a placeholder in src
      for (String lazy : List.of("data-src", "data-lazy-src", "data-original")) {
        String candidate = url(el, lazy, true);
        if (!candidate.isEmpty()) {
          src = candidate;
          break;
        }
      }
    }
    if (src.isEmpty()) {
      return;
    }
    String alt = collapse(el.attr("alt"));
    inline().markup("![" + escapeLabel(alt) + "](" + destination(src) + title(el) + ")");
  }

  /** An embedded player cannot be shown in Markdown: link to what it plays, with its title. */
  private void embed(Element el, String name) {
    if (isTrackingPixel(el)) {
      return;
    }
    String src = url(el, "src", false);
    if (src.isEmpty() && !name.equals("iframe")) {
      for (Element source : el.getElementsByTag("source")) {
        src = url(source, "src", false);
        if (!src.isEmpty()) {
          break;
        }
      }
    }
    InlineBuffer inline = inline();
    if (src.isEmpty() || inline.inLink()) {
      return;
    }
    String label = collapse(el.attr("title"));
    if (label.isEmpty()) {
      label = collapse(el.attr("aria-label"));
    }
    if (label.isEmpty()) {
      label = src;
    }
    inline.markup("[" + escapeLabel(label) + "](" + destination(src) + ")");
  }

  /**
   * A tracking pixel or hidden frame: at most 1×1 (attributes or style), or {@code display:none}.
   * Nobody sees it; it only tells a server that the article was read.
   */
  static boolean isTrackingPixel(Element el) {
    int width = dimension(el.attr("width"));
    int height = dimension(el.attr("height"));
    if (width >= 0 && width <= 1 && height >= 0 && height <= 1) {
      return true;
    }
    String style = el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return style.contains("display:none")
        || ((style.contains("width:1px") || style.contains("width:0"))
            && (style.contains("height:1px") || style.contains("height:0")));
  }

  private static int dimension(String value) {
    String v = value.trim();
    int i = 0;
    while (i < v.length() && i < 6 && Character.isDigit(v.charAt(i))) {
      i++;
    }
    return i == 0 ? -1 : Integer.parseInt(v.substring(0, i));
  }

  private String url(Element el, String attribute, boolean image) {
    String raw = el.attr(attribute);
    if (raw.isBlank()) {
      return "";
    }
    String cleaned = Urls.clean(raw);
    if (!Urls.isSafe(cleaned, image)) {
      return "";
    }
    if (!baseUri.isEmpty()) {
      String fast = Urls.resolveSimple(origin, cleaned);
      if (fast != null) {
        return fast; // what jsoup's absUrl gives, without its cost (a third of the conversion)
      }
      String absolute = Urls.clean(el.absUrl(attribute));
      if (!absolute.isEmpty() && Urls.isSafe(absolute, image)) {
        return absolute;
      }
    }
    return cleaned;
  }

  /** The title of a link or image, exactly; a line feed becomes {@code &#10;} so it stays one. */
  private static String title(Element el) {
    String title = el.attr("title");
    if (title.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" \"");
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c == '\n' || c == '\r') {
        sb.append("&#").append((int) c).append(';');
        continue;
      }
      if (c == '"' || c == '\\' || (c == '&' && InlineBuffer.looksLikeEntity(title, i))) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** A link destination, in angle brackets when it holds spaces or parentheses. */
  static String destination(String url) {
    boolean pointy = url.isEmpty();
    for (int i = 0; i < url.length() && !pointy; i++) {
      char c = url.charAt(i);
      pointy = c == ' ' || c == '(' || c == ')' || c == '<' || c == '>';
    }
    StringBuilder sb = new StringBuilder(url.length() + 2);
    if (pointy) {
      sb.append('<');
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '\\'
          || (pointy && (c == '<' || c == '>'))
          || (c == '&' && InlineBuffer.looksLikeEntity(url, i))) {
        sb.append('\\');
      }
      sb.append(c);
    }
    if (pointy) {
      sb.append('>');
    }
    return sb.toString();
  }

  /** Text inside {@code [...]} of an image or a made-up link: escaped without context. */
  static String escapeLabel(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '[', ']', '*', '_', '`', '<', '~', '|', '!' -> sb.append('\\');
        case '&' -> {
          if (InlineBuffer.looksLikeEntity(text, i)) {
            sb.append('\\');
          }
        }
        default -> {}
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static String collapse(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (InlineBuffer.isHtmlSpace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String language(Element el) {
    for (String name : el.classNames()) {
      String lang = null;
      if (name.startsWith("language-")) {
        lang = name.substring("language-".length());
      } else if (name.startsWith("lang-")) {
        lang = name.substring("lang-".length());
      }
      if (lang != null && !lang.isEmpty() && lang.indexOf('`') < 0 && lang.indexOf('~') < 0) {
        return lang;
      }
    }
    return "";
  }

  private static long startNumber(Element el) {
    String start = el.attr("start").trim();
    if (start.isEmpty() || start.length() > 9) {
      return 1;
    }
    for (int i = 0; i < start.length(); i++) {
      if (start.charAt(i) < '0' || start.charAt(i) > '9') {
        return 1;
      }
    }
    return Long.parseLong(start);
  }

  /** The rows of the table being read; written as a GFM table at its end. */
  private static final class TableState {
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> aligns = new ArrayList<>();
    private List<String> row;
    private InlineBuffer cell;
    private int cellSpan;
    private InlineBuffer caption;
    private String captionText = "";
    private final InlineBuffer scratch = new InlineBuffer(InlineBuffer.Mode.SINGLE_LINE);

    InlineBuffer current() {
      if (cell != null) {
        return cell;
      }
      return caption != null ? caption : scratch;
    }

    void startRow() {
      row = new ArrayList<>();
      rows.add(row);
    }

    void startCell(Element el) {
      if (row == null) {
        startRow();
      }
      cell = new InlineBuffer(InlineBuffer.Mode.TABLE_CELL);
      cellSpan = Math.max(1, Math.min(dimension(el.attr("colspan")), 100));
      if (rows.size() == 1) {
        String align = alignment(el);
        for (int i = 0; i < cellSpan; i++) {
          aligns.add(align);
        }
      }
    }

    void endCell() {
      row.add(cell.finish());
      for (int i = 1; i < cellSpan; i++) {
        row.add("");
      }
      cell = null;
    }

    void startCaption() {
      caption = new InlineBuffer(InlineBuffer.Mode.SINGLE_LINE);
    }

    void endCaption() {
      captionText = caption.finish();
      caption = null;
    }

    void write(BlockBuffer blocks) {
      if (!captionText.isEmpty()) {
        blocks.block(captionText, true);
      }
      int columns = 0;
      for (List<String> r : rows) {
        columns = Math.max(columns, r.size());
      }
      if (columns == 0) {
        return;
      }
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (List<String> r : rows) {
        if (r.isEmpty()) {
          continue;
        }
        appendRow(sb, r, columns);
        if (first) {
          sb.append('\n');
          for (int i = 0; i < columns; i++) {
            String align = i < aligns.size() ? aligns.get(i) : "";
            sb.append(i == 0 ? "| " : " | ")
                .append(
                    switch (align) {
                      case "left" -> ":---";
                      case "center" -> ":---:";
                      case "right" -> "---:";
                      default -> "---";
                    });
          }
          sb.append(" |");
          first = false;
        }
        sb.append('\n');
      }
      sb.setLength(sb.length() - 1);
      blocks.block(sb.toString(), true);
    }

    private static void appendRow(StringBuilder sb, List<String> r, int columns) {
      sb.append('|');
      for (int i = 0; i < columns; i++) {
        String text = i < r.size() ? r.get(i) : "";
        sb.append(' ').append(text).append(text.isEmpty() ? "|" : " |");
      }
    }

    private static String alignment(Element el) {
      String align = el.attr("align").trim().toLowerCase(Locale.ROOT);
      for (String name : el.classNames()) {
        if (name.startsWith("has-text-align-")) { // WordPress (Gutenberg) tables
          align = name.substring("has-text-align-".length());
        }
      }
      String style = el.attr("style").toLowerCase(Locale.ROOT);
      int at = style.indexOf("text-align");
      if (at >= 0) {
        int colon = style.indexOf(':', at);
        if (colon >= 0) {
          int semi = style.indexOf(';', colon);
          align = style.substring(colon + 1, semi < 0 ? style.length() : semi).trim();
        }
      }
      return switch (align) {
        case "left", "start" -> "left";
        case "center" -> "center";
        case "right", "end" -> "right";
        default -> "";
      };
    }
  }
}
