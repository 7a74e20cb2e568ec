package io.github.sitegen.feed;

import io.github.sitegen.internal.LineBreaks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cheap pre-scan of a snapshot's bytes that finds where each RSS {@code <item>} or Atom {@code
 * <entry>} starts and ends, without parsing anything: the split {@link ItemMemo} needs to recognise
 * items it has seen before. It only accepts the plainest shape and answers null for anything else
 * (the caller then reads the file the ordinary way): UTF-8 without a byte order mark, at most an
 * XML declaration, comments and processing instructions before an {@code <rss>} root with a single
 * {@code <channel>}, an {@code <rdf:RDF>} root (RSS 0.90 and 1.0) with a single {@code <channel>}
 * beside its items, or an unprefixed {@code <feed>} root, no DOCTYPE or other {@code <!}
 * declaration anywhere, and tags that nest properly.
 *
 * @param context the bytes that decide how an item is read besides its own: the prolog (XML
 *     declaration) and the root's start tag (namespaces, {@code xml:base}, version); for RSS the
 *     {@code <channel>} start tag, for Atom the start tag of every {@code link} child of the feed
 *     (Rome can resolve an entry's relative links against the feed's {@code rel="self"} link)
 * @param items the {@code <item>} elements that are children of the channel (RSS 0.91–2.0) or of
 *     the root (RSS 0.90 and 1.0), or the {@code <entry>} elements that are children of the feed,
 *     in file order
 */
record ItemSpans(byte[] context, List<Span> items) {

  /**
   * One item's bytes.
   *
   * @param start offset of its {@code <}
   * @param end offset just after its end tag's {@code >}
   * @param line the 1-based line its start tag begins on
   * @param lineBreaks how many line breaks XML counts inside it (CR LF, CR, LF)
   */
  record Span(int start, int end, int line, int lineBreaks) {}

  /** More than {@code XmlDocumentReader} looks at for an encoding declaration. */
  private static final int SNIFF_BYTES = 64 * 1024;

  /** The spans of a plain RSS or Atom file's items, or null when the file is not plain enough. */
  static @Nullable ItemSpans scan(byte[] b) {
    @Nullable ItemSpans spans = scanWithoutLines(b);
    return spans == null ? null : spans.withLines(b, null);
  }

  /**
   * Like {@link #scan}, but each span's {@code line} and {@code lineBreaks} are still 0: {@link
   * #withLines} counts them, so that a caller that knows some items' line breaks need not count
   * them again (counting is a pass over every byte).
   */
  static @Nullable ItemSpans scanWithoutLines(byte[] b) {
    return new Scanner(b).scan();
  }

  /**
   * These spans with their lines, counted the way XML counts line ends (CR LF, CR, LF).
   *
   * @param knownLineBreaks for each item, how many line breaks it is known to have (an item's
   *     count depends on its bytes only: it starts with {@code <} and ends with {@code >}), or -1
   *     to count them; null to count every item's
   */
  ItemSpans withLines(byte[] b, int @Nullable [] knownLineBreaks) {
    List<Span> counted = new ArrayList<>(items.size());
    int line = 1;
    int from = 0;
    for (int i = 0; i < items.size(); i++) {
      Span span = items.get(i);
      line += LineBreaks.count(b, from, span.start());
      int breaks =
          knownLineBreaks != null && knownLineBreaks[i] >= 0
              ? knownLineBreaks[i]
              : LineBreaks.count(b, span.start(), span.end());
      counted.add(new Span(span.start(), span.end(), line, breaks));
      line += breaks;
      from = span.end();
    }
    return new ItemSpans(context, counted);
  }

  /** A hand-written tokenizer over the bytes; every method answers -1 when it gives up. */
  private static final class Scanner {
    private final byte[] b;

    Scanner(byte[] b) {
      this.b = b;
    }

    @Nullable ItemSpans scan() {
      if (b.length < 2 || b[0] != '<' && !isSpace(b[0]) || b[1] == 0) {
        return null; // a byte order mark, UTF-16/32, or not XML at all
      }
      if (indexOf(1, "<?xml", Math.min(b.length, SNIFF_BYTES)) >= 0) {
        return null; // the reader looks for a declared encoding in the first bytes, even in content
      }
      int i = 0;
      // prolog: whitespace, an XML declaration saying UTF-8 (or nothing), comments, PIs
      while (true) {
        i = skipSpace(i);
        if (i >= b.length) {
          return null;
        }
        if (startsWith(i, "<?xml") && (i + 5 < b.length && (isSpace(b[i + 5]) || b[i + 5] == '?'))) {
          if (i != 0) {
            return null;
          }
          int end = indexOf(i, "?>");
          if (end < 0 || !utf8Declaration(i, end)) {
            return null;
          }
          i = end + 2;
        } else if (startsWith(i, "<!--")) {
          int end = indexOf(i + 4, "-->");
          if (end < 0) {
            return null;
          }
          i = end + 3;
        } else if (startsWith(i, "<?")) {
          int end = indexOf(i + 2, "?>");
          if (end < 0) {
            return null;
          }
          i = end + 2;
        } else {
          break;
        }
      }
      boolean atom = startsWithName(i, "feed");
      boolean rdf = !atom && startsWithName(i, "rdf:RDF"); // RSS 0.90 and 1.0
      if (!atom && !rdf && !startsWithName(i, "rss")) {
        return null;
      }
      int rootStart = i;
      int rootEnd = tagEnd(i);
      if (rootEnd < 0 || b[rootEnd - 2] == '/') {
        return null;
      }
      // the start tags that go into the context besides the root's: RSS's channel, Atom's links
      List<int[]> contextTags = new ArrayList<>();
      boolean channel = false;
      // the depth (open elements) inside which items are children: rss > channel, or the root
      int itemDepth = atom || rdf ? 1 : 2;
      String itemName = atom ? "entry" : "item";
      List<Span> items = new ArrayList<>();
      // the open elements, as offsets and lengths of their names in the bytes
      int[] openAt = new int[64];
      int[] openLength = new int[64];
      int depth = 1;
      openAt[0] = rootStart + 1;
      openLength[0] = atom ? 4 : rdf ? 7 : 3;
      i = rootEnd;
      int itemStart = -1;
      while (depth > 0) {
        int lt = indexOf(i, '<');
        if (lt < 0) {
          return null;
        }
        if (startsWith(lt, "<![CDATA[")) {
          int end = cdataEnd(lt + 9);
          if (end < 0) {
            return null;
          }
          i = end + 3;
        } else if (startsWith(lt, "<!--")) {
          int end = indexOf(lt + 4, "-->");
          if (end < 0) {
            return null;
          }
          i = end + 3;
        } else if (startsWith(lt, "<!")) {
          return null; // a DOCTYPE or declaration: never on the fast path
        } else if (startsWith(lt, "<?")) {
          int end = indexOf(lt + 2, "?>");
          if (end < 0) {
            return null;
          }
          i = end + 2;
        } else if (startsWith(lt, "</")) {
          int end = indexOf(lt, '>');
          if (end < 0) {
            return null;
          }
          int length = nameLength(lt + 2);
          depth--;
          if (length == 0
              || length != openLength[depth]
              || !Arrays.equals(b, lt + 2, lt + 2 + length, b, openAt[depth], openAt[depth] + length)
              || !onlySpace(lt + 2 + length, end)) {
            return null;
          }
          i = end + 1;
          if (depth == itemDepth && itemStart >= 0) {
            items.add(new Span(itemStart, i, 0, 0));
            itemStart = -1;
          }
        } else {
          int length = nameLength(lt + 1);
          int end = tagEnd(lt);
          if (length == 0 || end < 0) {
            return null;
          }
          boolean empty = b[end - 2] == '/';
          if (depth == 1 && !atom && !rdf) {
            if (!isName(lt + 1, length, "channel") || channel || empty) {
              return null; // one channel and nothing else in the root: what Rome reads plainly
            }
            channel = true;
            contextTags.add(new int[] {lt, end});
          } else if (depth == 1 && rdf && isName(lt + 1, length, "channel")) {
            if (channel) {
              return null;
            }
            channel = true; // the channel beside the items (its item list in it changes, not its tag)
            contextTags.add(new int[] {lt, end});
          } else if (depth == 1 && atom && isLink(lt + 1, length)) {
            contextTags.add(new int[] {lt, end}); // a feed's link, maybe the base of its entries
          }
          if (depth == itemDepth && isName(lt + 1, length, itemName)) {
            itemStart = lt;
            if (empty) {
              items.add(new Span(lt, end, 0, 0));
              itemStart = -1;
            }
          }
          if (!empty) {
            if (depth == openAt.length) {
              return null; // nested deeper than any feed
            }
            openAt[depth] = lt + 1;
            openLength[depth] = length;
            depth++;
          }
          i = end;
        }
      }
      // after the root: whitespace, comments and processing instructions only
      while (true) {
        i = skipSpace(i);
        if (i >= b.length) {
          break;
        }
        if (startsWith(i, "<!--")) {
          int end = indexOf(i + 4, "-->");
          if (end < 0) {
            return null;
          }
          i = end + 3;
        } else {
          return null;
        }
      }
      if (!atom && !channel) {
        return null;
      }
      // the prolog and root start tag, then each other start tag of the context after a NUL (a
      // byte no XML document holds), and a last NUL
      int length = rootEnd + 1;
      for (int[] tag : contextTags) {
        length += 1 + tag[1] - tag[0];
      }
      byte[] context = new byte[length];
      System.arraycopy(b, 0, context, 0, rootEnd);
      int at = rootEnd;
      for (int[] tag : contextTags) {
        at++;
        System.arraycopy(b, tag[0], context, at, tag[1] - tag[0]);
        at += tag[1] - tag[0];
      }
      return new ItemSpans(context, items);
    }

    /** Whether the element name at {@code i} is {@code link}, with or without a prefix. */
    private boolean isLink(int i, int length) {
      return length >= 4
          && startsWith(i + length - 4, "link")
          && (length == 4 || b[i + length - 5] == ':');
    }

    /** Only {@code encoding="UTF-8"} (any case) or no encoding at all. */
    private boolean utf8Declaration(int start, int end) {
      String declaration = new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
      int at = declaration.indexOf("encoding");
      if (at < 0) {
        return true;
      }
      String rest = declaration.substring(at + 8).strip();
      if (!rest.startsWith("=")) {
        return false;
      }
      rest = rest.substring(1).strip();
      return rest.length() >= 7
          && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')
          && rest.substring(1, 6).equalsIgnoreCase("utf-8")
          && rest.charAt(6) == rest.charAt(0);
    }

    /** The offset after the {@code >} of the tag starting at {@code lt}, past quoted values. */
    private int tagEnd(int lt) {
      byte quote = 0;
      for (int i = lt + 1; i < b.length; i++) {
        byte c = b[i];
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else if (c == '<') {
            return -1;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          return i + 1;
        } else if (c == '<') {
          return -1;
        }
      }
      return -1;
    }

    /**
     * The length of the element name at {@code i} (ASCII letters, digits, {@code :_.-}), followed by
     * a space, {@code >} or {@code /}; 0 when there is none.
     */
    private int nameLength(int i) {
      int end = i;
      while (end < b.length && isNameByte(b[end])) {
        end++;
      }
      if (end == i || end >= b.length || !(isSpace(b[end]) || b[end] == '>' || b[end] == '/')) {
        return 0;
      }
      return end - i;
    }

    private boolean isName(int i, int length, String name) {
      return length == name.length() && startsWith(i, name);
    }

    private boolean startsWithName(int i, String name) {
      return i < b.length && b[i] == '<' && isName(i + 1, nameLength(i + 1), name);
    }

    /**
     * The offset of the {@code ]]>} ending a CDATA section, or -1: looks at every third byte
     * (Horspool), CDATA being most of a feed's bytes.
     */
    private int cdataEnd(int from) {
      byte[] b = this.b;
      int i = from;
      while (i + 2 < b.length) {
        byte last = b[i + 2];
        if (last == '>') {
          if (b[i] == ']' && b[i + 1] == ']') {
            return i;
          }
          i += 3;
        } else if (last == ']') {
          i += 1;
        } else {
          i += 3;
        }
      }
      return -1;
    }

    private static boolean isNameByte(byte c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_' || c == '-' || c == '.';
    }

    private static boolean isSpace(byte c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private boolean onlySpace(int from, int to) {
      for (int i = from; i < to; i++) {
        if (!isSpace(b[i])) {
          return false;
        }
      }
      return true;
    }

    private int skipSpace(int i) {
      while (i < b.length && isSpace(b[i])) {
        i++;
      }
      return i;
    }

    private boolean startsWith(int i, String s) {
      if (i + s.length() > b.length) {
        return false;
      }
      for (int k = 0; k < s.length(); k++) {
        if (b[i + k] != s.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private int indexOf(int from, char c) {
      byte[] b = this.b;
      for (int i = from; i < b.length; i++) {
        if (b[i] == c) {
          return i;
        }
      }
      return -1;
    }

    private int indexOf(int from, String s) {
      return indexOf(from, s, b.length);
    }

    private int indexOf(int from, String s, int limit) {
      byte[] b = this.b;
      byte first = (byte) s.charAt(0);
      for (int i = from; i <= limit - s.length(); i++) {
        if (b[i] == first && startsWith(i, s)) {
          return i;
        }
      }
      return -1;
    }
  }
}
