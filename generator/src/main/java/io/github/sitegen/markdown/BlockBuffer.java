package io.github.sitegen.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown document being written, block by block, inside nested containers (block quotes and
 * list items). Each line gets the prefixes of the containers around it: a container's first line
 * gets its marker ({@code "> "}, {@code "- "}, {@code "1. "}), the others its continuation ({@code
 * "> "} or as many spaces as the marker is wide).
 *
 * <p>Blocks are separated by a blank line, except inside the items of a tight list (and between
 * them), where a line break is enough unless the new line would continue the paragraph or table
 * before it: there a blank line is the only way, and the list becomes loose.
 */
final class BlockBuffer {

  /** A block quote or a list item. */
  static final class Container {
    final String marker;
    final String continuation;
    final boolean item;
    final boolean tight;
    boolean started;

    Container(String marker, String continuation, boolean item, boolean tight) {
      this.marker = marker;
      this.continuation = continuation;
      this.item = item;
      this.tight = tight;
    }
  }

  private final StringBuilder out = new StringBuilder();
  private final List<Container> containers = new ArrayList<>();
  private boolean nextItem;
  private boolean lastIsText;
  private int written;

  /**
   * Writes a block (lines separated by {@code \n}).
   *
   * @param text the block's Markdown
   * @param isText true for a paragraph or a table: a line after it would continue it, and it cannot
   *     interrupt a paragraph; false for headings, fenced code and thematic breaks
   */
  void block(String text, boolean isText) {
    separate(interrupts(isText));
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
      writeLine(line);
      if (nl < 0) {
        break;
      }
      out.append('\n');
      start = nl + 1;
    }
    lastIsText = isText;
    written++;
  }

  /** The next block opens the next item of a tight list: it follows on the next line. */
  void nextItem() {
    nextItem = true;
  }

  void open(String marker, String continuation, boolean item, boolean tight) {
    containers.add(new Container(marker, continuation, item, tight));
  }

  /** Closes the innermost container; an empty one still writes its marker. */
  void close() {
    Container container = containers.get(containers.size() - 1);
    if (!container.started) {
      // an empty item ("-") would underline a paragraph line above it into a heading
      separate(container.marker.startsWith(">"));
      writeLine("");
      lastIsText = false;
      written++;
    }
    containers.remove(containers.size() - 1);
  }

  /** How many blocks have been written: unchanged means nothing was written in between. */
  int written() {
    return written;
  }

  int depth() {
    return containers.size();
  }

  /** True inside a list item, where {@code ---} could be read as the item's own marker. */
  boolean inItem() {
    for (Container c : containers) {
      if (c.item) {
        return true;
      }
    }
    return false;
  }

  /** The document, ending with one line feed, or {@code ""} when nothing was written. */
  String finish() {
    if (out.length() == 0) {
      return "";
    }
    return out.append('\n').toString();
  }

  /** Whether the first line of the next block may directly follow a paragraph line. */
  private boolean interrupts(boolean isText) {
    for (Container c : containers) {
      if (!c.started) {
        char first = c.marker.charAt(0);
        // an ordered list interrupts a paragraph only when it starts at 1
        return first == '>'
            || first == '-'
            || first == '*'
            || c.marker.startsWith("1.")
            || c.marker.startsWith("1)");
      }
    }
    return !isText;
  }

  private void separate(boolean interrupts) {
    if (out.length() == 0) {
      nextItem = false;
      return;
    }
    out.append('\n');
    Container deepest = null;
    for (Container c : containers) {
      if (!c.started) {
        break;
      }
      deepest = c;
    }
    boolean blank;
    if (nextItem) {
      blank = false;
    } else {
      boolean tight = deepest != null && deepest.item && deepest.tight;
      blank = !tight || (lastIsText && !interrupts);
    }
    nextItem = false;
    if (blank) {
      // a blank line belongs to the containers that have already started
      int mark = out.length();
      for (Container c : containers) {
        if (!c.started) {
          break;
        }
        out.append(c.continuation);
      }
      trimTrailingSpaces(mark);
      out.append('\n');
    }
  }

  private void writeLine(String line) {
    int mark = out.length();
    for (Container c : containers) {
      if (c.started) {
        out.append(c.continuation);
      } else {
        out.append(c.marker);
        c.started = true;
      }
    }
    out.append(line);
    if (line.isEmpty()) {
      trimTrailingSpaces(mark);
    }
  }

  private void trimTrailingSpaces(int mark) {
    int end = out.length();
    while (end > mark && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
  }
}
