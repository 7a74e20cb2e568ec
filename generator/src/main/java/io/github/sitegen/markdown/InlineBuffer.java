package io.github.sitegen.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.text.Characters;

/**
 * The inline content of one block (paragraph, heading or table cell) being written as Markdown.
 *
 * <p>HTML whitespace is collapsed as a browser would: a run of it becomes one pending space that is
 * written only between two pieces of content, so block edges are trimmed. Opening delimiters
 * ({@code *}, {@code **}, {@code ~~}, {@code [}) are pending until the element has content, so an
 * empty element writes nothing and spaces at an element's edges end up outside its delimiters. Text
 * is escaped as it is appended, with the smallest escape that keeps it text.
 */
final class InlineBuffer {

  /** How the buffer treats line-level syntax. */
  enum Mode {
    /** A paragraph: {@code <br>} is a hard break, line starts are escaped. */
    PARAGRAPH,
    /** A heading: one line, {@code <br>} is a space. */
    SINGLE_LINE,
    /** A table cell: one line, and every {@code |} escaped, even in code and URLs. */
    TABLE_CELL
  }

  /** An inline element with opening and closing delimiters. */
  static final class Frame {
    final String open;
    final String close;
    final boolean delimiterRun;
    final boolean link;
    int openPos;

    Frame(String open, String close, boolean delimiterRun, boolean link) {
      this.open = open;
      this.close = close;
      this.delimiterRun = delimiterRun;
      this.link = link;
    }
  }

  /** A delimiter run written to {@link #out}: position, length, and whether it opens. */
  private record Run(int pos, int len, boolean opens) {
    int end() {
      return pos + len;
    }
  }

  private final Mode mode;
  private final StringBuilder out = new StringBuilder();
  /** The chars of the text being appended (grown as needed): read by index, not by charAt. */
  private char[] chars = new char[256];
  private final List<Frame> frames = new ArrayList<>();
  private final List<Run> runs = new ArrayList<>();
  private int emittedFrames;
  private int lineStart;
  private boolean pendingSpace;
  private boolean pendingBreak;
  private int linkDepth;

  /** Position right after digits written at a line start ({@code 1} then {@code . x}), or -1. */
  private int digitsEnd = -1;

  private int lastCodeStart = -1;
  private int lastCodeEnd = -1;
  private String lastCode = "";

  InlineBuffer(Mode mode) {
    this.mode = mode;
  }

  boolean isOpen(String open) {
    for (Frame f : frames) {
      if (f.open.equals(open)) {
        return true;
      }
    }
    return false;
  }

  /** The delimiter character of the innermost open emphasis, {@code *} or {@code _}, or 0. */
  char innermostEmphasis() {
    for (int i = frames.size() - 1; i >= 0; i--) {
      char c = frames.get(i).open.charAt(0);
      if (c == '*' || c == '_') {
        return c;
      }
    }
    return 0;
  }

  /** How many emphases ({@code *}, {@code _} delimiters) are open. */
  int emphasisDepth() {
    int depth = 0;
    for (Frame f : frames) {
      char c = f.open.charAt(0);
      if (c == '*' || c == '_') {
        depth++;
      }
    }
    return depth;
  }

  /**
   * The character the next content will follow once pending spaces and delimiters are written: a
   * space, the last pending opening delimiter's, or the last one written; a space at the start.
   */
  char charBefore() {
    if (pendingSpace || pendingBreak) {
      return ' ';
    }
    if (emittedFrames < frames.size()) {
      String open = frames.get(frames.size() - 1).open;
      return open.charAt(open.length() - 1);
    }
    return out.length() == lineStart ? ' ' : out.charAt(out.length() - 1);
  }

  boolean inLink() {
    return linkDepth > 0;
  }

  boolean hasPendingBreak() {
    return pendingBreak;
  }

  /** True when an element opened with {@code open} would continue the one that just closed. */
  boolean continues(String open) {
    Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    return last != null
        && !last.opens()
        && last.end() == out.length()
        && out.substring(last.pos()).equals(open)
        && emittedFrames == frames.size()
        && !pendingSpace
        && !pendingBreak;
  }

  /** Opens an inline element; its opening delimiter is written with its first content. */
  void open(Frame frame) {
    if (frame.link) {
      linkDepth++;
    }
    if (frame.delimiterRun && continues(frame.open)) {
      Run last = runs.get(runs.size() - 1);
      // </em><em>: continue the element instead of writing "*a**b*", which parses differently
      out.setLength(last.pos());
      runs.remove(runs.size() - 1);
      frame.openPos = last.pos() - frame.open.length();
      frames.add(frame);
      emittedFrames++;
      return;
    }
    frames.add(frame);
  }

  /** Closes the innermost open element. */
  void close() {
    int index = frames.size() - 1;
    Frame frame = frames.remove(index);
    if (frame.link) {
      linkDepth--;
    }
    if (index < emittedFrames) {
      emittedFrames--;
      writeCloser(frame);
    }
  }

  /** Writes the closing delimiter, keeping trailing no-break spaces outside of it. */
  private void writeCloser(Frame frame) {
    int contentStart = frame.openPos + frame.open.length();
    int cut = out.length();
    while (cut > contentStart
        && (out.charAt(cut - 1) == ' ' || isLiteralSpace(out.charAt(cut - 1)))) {
      cut--;
    }
    String trailing = out.substring(cut);
    out.setLength(cut);
    if (frame.delimiterRun) {
      runs.add(new Run(out.length(), frame.close.length(), false));
    }
    out.append(cellSafe(frame.close));
    out.append(trailing);
    digitsEnd = -1;
  }

  /** A space (from a block boundary inside a single-line block, for instance). */
  void space() {
    pendingSpace = true;
  }

  /** A {@code <br>}: a hard break in a paragraph, a space elsewhere. */
  void hardBreak() {
    if (mode == Mode.PARAGRAPH) {
      pendingBreak = true;
      pendingSpace = false;
    } else {
      pendingSpace = true;
    }
  }

  /** Appends HTML text (entities already decoded), collapsing whitespace and escaping it. */
  void text(String s) {
    int n = s.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    char[] cs = chars;
    s.getChars(0, n, cs, 0);
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (isHtmlSpace(c)) {
        pendingSpace = true;
        continue;
      }
      if (isLiteralSpace(c) && emittedFrames < frames.size()) {
        // keep a no-break space that starts an element outside of its delimiters
        writePendingSpace();
        out.append(c);
        continue;
      }
      writePending();
      if (mode == Mode.PARAGRAPH && out.length() == lineStart) {
        escapeLineStart(s, i);
      } else if (digitsEnd == out.length()
          && (c == '.' || c == ')')
          && (i + 1 == n || isHtmlSpace(cs[i + 1]))) {
        out.append('\\');
      }
      escapeInline(c, s, i);
      out.append(c);
      // the plain characters that follow go as they are, in one append: nothing is pending now,
      // this is not a line start, and none of them is escaped or a space (unless digits at the
      // start of the line wait for their "." or ")" right after). So does a single space between
      // two plain characters (words): the loop above would hold it pending and write it as it is
      // before the next one
      if (digitsEnd < out.length()) {
        int end = i + 1;
        while (end < n) {
          if (isPlain(cs[end])) {
            end++;
          } else if (cs[end] == ' ' && end + 1 < n && isPlain(cs[end + 1])) {
            end += 2;
          } else {
            break;
          }
        }
        if (end > i + 1) {
          out.append(cs, i + 1, end - (i + 1));
          i = end - 1;
        }
      }
    }
  }

  /** ASCII characters that {@link #text} writes as they are anywhere but at a line start. */
  private static final boolean[] PLAIN_ASCII = new boolean[128];

  static {
    for (char c = 0x21; c < 0x7f; c++) {
      PLAIN_ASCII[c] = "\\`*~|_[]<&".indexOf(c) < 0;
    }
  }

  /**
   * Whether {@link #text} writes the character as it is, whatever comes before or after it (but
   * not at a line start): no space of any kind, nothing it may escape.
   */
  static boolean isPlain(char c) {
    if (c < 0x80) {
      return PLAIN_ASCII[c];
    }
    // the Unicode space separators (Zs) above ASCII, without Character.getType's lookup
    return c != 0xa0 && c != 0x1680 && (c < 0x2000 || c > 0x200a) && c != 0x202f && c != 0x205f && c != 0x3000;
  }

  /** An inline code span. */
  void code(String code) {
    if (code.isEmpty()) {
      return;
    }
    if (linkDepth > 0 && code.indexOf(']') >= 0) {
      // "[`a]:b`](url)" at the start of a paragraph reads as a link reference definition,
      // which knows nothing of code spans: write such code as plain text
      text(code);
      return;
    }
    if (!pendingSpace && !pendingBreak && lastCodeEnd == out.length() && lastCodeEnd > 0) {
      // two code spans in a row would merge their backticks into one run: write one span
      out.setLength(lastCodeStart);
      code = lastCode + code;
    } else {
      writePending();
    }
    lastCodeStart = out.length();
    lastCode = code;
    int ticks = longestRun(code, '`') + 1;
    // one space on each side is stripped, unless the code is only spaces
    boolean pad =
        code.charAt(0) == '`'
            || code.charAt(code.length() - 1) == '`'
            || (!code.isBlank() && code.charAt(0) == ' ' && code.charAt(code.length() - 1) == ' ');
    String fence = "`".repeat(ticks);
    out.append(fence);
    if (pad) {
      out.append(' ');
    }
    out.append(cellSafe(code));
    if (pad) {
      out.append(' ');
    }
    out.append(fence);
    lastCodeEnd = out.length();
  }

  /** Appends ready-made Markdown (an image or a link) as content. */
  void markup(String markdown) {
    writePending();
    if (markdown.startsWith("[")) {
      escapeBang();
    }
    out.append(cellSafe(markdown));
  }

  /**
   * In a table cell, a {@code |} ends the cell wherever it is, even in code: GFM removes one
   * backslash before each pipe before anything else, so every pipe gets one.
   */
  private String cellSafe(String markdown) {
    if (mode != Mode.TABLE_CELL || markdown.indexOf('|') < 0) {
      return markdown;
    }
    return markdown.replace("|", "\\|");
  }

  /**
   * Ends the block: closes open elements (they are reopened by the next content), fixes delimiter
   * runs that would not parse, and returns the Markdown, or {@code ""} when there was no content.
   */
  String finish() {
    for (int i = emittedFrames - 1; i >= 0; i--) {
      writeCloser(frames.get(i));
    }
    emittedFrames = 0;
    fixFlanking();
    String result = out.toString();
    out.setLength(0);
    runs.clear();
    lineStart = 0;
    pendingSpace = false;
    pendingBreak = false;
    digitsEnd = -1;
    lastCodeEnd = -1;
    return result;
  }

  private void writePendingSpace() {
    if (pendingBreak) {
      if (out.length() > 0) {
        out.append("\\\n");
        lineStart = out.length();
      }
      pendingBreak = false;
      pendingSpace = false;
    } else if (pendingSpace) {
      if (out.length() > lineStart) {
        out.append(' ');
      }
      pendingSpace = false;
    }
  }

  private void writePending() {
    writePendingSpace();
    while (emittedFrames < frames.size()) {
      Frame frame = frames.get(emittedFrames++);
      if (frame.link) {
        escapeBang();
      }
      frame.openPos = out.length();
      if (frame.delimiterRun) {
        runs.add(new Run(out.length(), frame.open.length(), true));
      }
      out.append(frame.open);
      digitsEnd = -1;
    }
  }

  /** A {@code !} of the text right before a link's {@code [} would make it an image. */
  private void escapeBang() {
    int n = out.length();
    if (n == 0 || out.charAt(n - 1) != '!') {
      return;
    }
    int backslashes = 0;
    while (n - 1 - backslashes > 0 && out.charAt(n - 2 - backslashes) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 0) {
      out.insert(n - 1, '\\');
    }
  }

  /**
   * Escapes what would start a block at the start of a line ({@code # }, {@code - }, {@code 1. }).
   */
  private void escapeLineStart(String s, int i) {
    char c = s.charAt(i);
    int n = s.length();
    switch (c) {
      case '#' -> {
        int end = i;
        while (end < n && s.charAt(end) == '#') {
          end++;
        }
        if (end - i <= 6 && (end == n || isHtmlSpace(s.charAt(end)))) {
          out.append('\\');
        }
      }
      case '-', '+' -> {
        if (i + 1 == n || isHtmlSpace(s.charAt(i + 1)) || (c == '-' && onlyOf(s, i, '-'))) {
          out.append('\\');
        }
      }
      case '=' -> {
        if (onlyOf(s, i, '=')) {
          out.append('\\');
        }
      }
      case '>' -> out.append('\\');
      default -> {
        if (c >= '0' && c <= '9') {
          int end = i;
          while (end < n && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
            end++;
          }
          if (end - i <= 9) {
            if (end == n) {
              digitsEnd = out.length() + (end - i);
            } else if ((s.charAt(end) == '.' || s.charAt(end) == ')')
                && (end + 1 == n || isHtmlSpace(s.charAt(end + 1)))) {
              // written as digits then "\." when the loop reaches the dot
              digitsEnd = out.length() + (end - i);
            }
          }
        }
      }
    }
  }

  /** True when s from i holds only c and HTML whitespace: a thematic break or setext underline. */
  private static boolean onlyOf(String s, int i, char c) {
    for (int k = i; k < s.length(); k++) {
      char ch = s.charAt(k);
      if (ch != c && !isHtmlSpace(ch)) {
        return false;
      }
    }
    return true;
  }

  private void escapeInline(char c, String s, int i) {
    boolean atEnd = i + 1 == s.length();
    char next = atEnd ? 0 : s.charAt(i + 1);
    boolean escape =
        switch (c) {
            // not only before punctuation: a space after it may move, leaving it before a delimiter
          case '\\' -> atEnd || !Character.isLetterOrDigit(next);
          case '`', '*', '~', '|' -> true;
          case '_' -> {
            char prev = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
            yield atEnd || !Character.isLetterOrDigit(prev) || !Character.isLetterOrDigit(next);
          }
          case '[' -> linkDepth > 0 || out.length() == lineStart;
          case ']' -> linkDepth > 0 || atEnd || next == '(' || next == '[';
          case '<' -> atEnd || isAsciiLetter(next) || next == '/' || next == '!' || next == '?';
          case '&' -> atEnd || looksLikeEntity(s, i);
          default -> false;
        };
    if (escape) {
      out.append('\\');
    }
  }

  /**
   * A delimiter run that cannot open (or close) where it stands, such as the closer in {@code
   * **Note :**Texte}, gets the letter next to it written as a character reference, which is
   * punctuation for the flanking rules and the same text once rendered.
   */
  private void fixFlanking() {
    // a fix can change the neighbour of another run: repeat until nothing changes
    while (fixFlankingOnce()) {
      // each pass replaces at least one letter by a reference, so this ends
    }
  }

  private boolean fixFlankingOnce() {
    boolean changed = false;
    int k = runs.size() - 1;
    while (k >= 0) {
      int j = k;
      char ch = out.charAt(runs.get(k).pos());
      while (j > 0
          && runs.get(j - 1).end() == runs.get(j).pos()
          && out.charAt(runs.get(j - 1).pos()) == ch) {
        j--;
      }
      boolean opens = false;
      boolean closes = false;
      for (int r = j; r <= k; r++) {
        if (runs.get(r).opens()) {
          opens = true;
        } else {
          closes = true;
        }
      }
      int start = runs.get(j).pos();
      int end = runs.get(k).end();
      int prev = start > 0 ? out.codePointBefore(start) : ' ';
      int next = end < out.length() ? out.codePointAt(end) : ' ';
      boolean leftFlanking = !isWs(next) && (!isPunct(next) || isWs(prev) || isPunct(prev));
      boolean rightFlanking = !isWs(prev) && (!isPunct(prev) || isWs(next) || isPunct(next));
      boolean canOpen = leftFlanking;
      boolean canClose = rightFlanking;
      if (ch == '_') { // no emphasis inside words
        canOpen = leftFlanking && (!rightFlanking || isPunct(prev));
        canClose = rightFlanking && (!leftFlanking || isPunct(next));
      }
      if (closes && !canClose && !isWs(next) && !isPunct(next)) {
        String reference = "&#" + next + ";";
        replace(end, end + Character.charCount(next), reference);
        escapeTextUnderscore(end + reference.length());
        changed = true;
      }
      if (opens && !canOpen && !isWs(prev) && !isPunct(prev)) {
        int at = start - Character.charCount(prev);
        int backslashes = 0;
        while (at - backslashes > 0 && out.charAt(at - backslashes - 1) == '\\') {
          backslashes++;
        }
        // a literal backslash before the letter would now escape the '&'
        replace(at, start, (backslashes % 2 == 1 ? "\\" : "") + "&#" + prev + ";");
        if (backslashes % 2 == 0) {
          escapeTextUnderscore(at - 1);
        }
        changed = true;
      }
      k = j - 1;
    }
    return changed;
  }

  /**
   * An underscore of the text is left unescaped between two letters ({@code snake_case}); once one
   * of them becomes a character reference, it could delimit emphasis, so escape it.
   */
  private void escapeTextUnderscore(int pos) {
    if (pos < 0 || pos >= out.length() || out.charAt(pos) != '_') {
      return;
    }
    int backslashes = 0;
    while (pos - backslashes > 0 && out.charAt(pos - backslashes - 1) == '\\') {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return; // already escaped
    }
    for (Run run : runs) {
      if (pos >= run.pos() && pos < run.end()) {
        return; // a delimiter, not text
      }
    }
    replace(pos, pos, "\\");
  }

  /** Replaces text in {@link #out}, moving the runs after it. */
  private void replace(int from, int to, String with) {
    out.replace(from, to, with);
    int shift = with.length() - (to - from);
    for (int r = 0; r < runs.size(); r++) {
      Run run = runs.get(r);
      if (run.pos() >= to) {
        runs.set(r, new Run(run.pos() + shift, run.len(), run.opens()));
      }
    }
  }

  private static boolean isWs(int cp) {
    return Characters.isWhitespaceCodePoint(cp) || cp == '\n';
  }

  private static boolean isPunct(int cp) {
    return Characters.isPunctuationCodePoint(cp);
  }

  /** {@code &name;}, {@code &#123;} or {@code &#x1F;}: what CommonMark would decode. */
  static boolean looksLikeEntity(CharSequence s, int amp) {
    int n = s.length();
    int i = amp + 1;
    if (i < n && s.charAt(i) == '#') {
      i++;
      boolean hex = i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
      if (hex) {
        i++;
      }
      int start = i;
      while (i < n && i - start < 8 && (hex ? isHexDigit(s.charAt(i)) : isDigit(s.charAt(i)))) {
        i++;
      }
      return i > start && (i == n || s.charAt(i) == ';');
    }
    int start = i;
    while (i < n && i - start < 32 && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
      i++;
    }
    return i > start && (i == n || s.charAt(i) == ';');
  }

  static int longestRun(String s, char c) {
    int longest = 0;
    int current = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        current++;
        longest = Math.max(longest, current);
      } else {
        current = 0;
      }
    }
    return longest;
  }

  /** True when the text holds nothing but spaces, no-break spaces included. */
  static boolean isAllSpaces(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isHtmlSpace(c) && !isLiteralSpace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whitespace HTML collapses: space, tab, line feed, form feed, carriage return. */
  static boolean isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  /** Unicode spaces HTML keeps (no-break and typographic spaces), whitespace to CommonMark. */
  static boolean isLiteralSpace(char c) {
    return !isHtmlSpace(c) && Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
