package io.github.sitegen.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown document being written, block by block, inside nested containers (block quotes and
 * list items). Each line gets the prefixes of the containers around it: a container's first line
 * gets its marker ({@code "> "}, {@code "- "}, {@code "1. "}), the others its continuation
 * ({@code "> "} or as many spaces as the marker is wide). Blocks are separated by a blank line,
 * list items of a tight list by a line break.
 */
final class BlockBuffer {

  /** A block quote or a list item. */
  static final class Container {
    final String marker;
    final String continuation;
    boolean started;
    /** Blocks written directly inside (a nested block quote counts, a nested list does not). */
    int blocks;

    Container(String marker, String continuation) {
      this.marker = marker;
      this.continuation = continuation;
    }
  }

  private final StringBuilder out = new StringBuilder();
  private final List<Container> containers = new ArrayList<>();
  private boolean blankBefore = true;

  /** Writes a block (lines separated by {@code \n}) after a blank line or a line break. */
  void block(String text) {
    separate();
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
    if (!containers.isEmpty()) {
      containers.get(containers.size() - 1).blocks++;
    }
    blankBefore = true;
  }

  /** The next block follows on the next line rather than after a blank line (tight lists). */
  void tight() {
    blankBefore = false;
  }

  Container open(String marker, String continuation, boolean countsAsBlock) {
    if (countsAsBlock && !containers.isEmpty()) {
      containers.get(containers.size() - 1).blocks++;
    }
    Container container = new Container(marker, continuation);
    containers.add(container);
    return container;
  }

  /** Closes the innermost container; an empty list item still writes its marker. */
  void close() {
    Container container = containers.get(containers.size() - 1);
    if (!container.started && !container.marker.startsWith(">")) {
      separate();
      writeLine("");
      blankBefore = true;
    }
    containers.remove(containers.size() - 1);
  }

  Container innermost() {
    return containers.get(containers.size() - 1);
  }

  boolean hasContainer() {
    return !containers.isEmpty();
  }

  int depth() {
    return containers.size();
  }

  /** The document, ending with one line feed, or {@code ""} when nothing was written. */
  String finish() {
    if (out.length() == 0) {
      return "";
    }
    return out.append('\n').toString();
  }

  private void separate() {
    if (out.length() == 0) {
      return;
    }
    out.append('\n');
    if (blankBefore) {
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
