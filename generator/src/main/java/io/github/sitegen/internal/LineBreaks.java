package io.github.sitegen.internal;

/**
 * Line breaks in bytes, counted as XML and Freemarker count them: CR LF, a lone CR and a lone LF
 * each end one line. For messages that name a line in a feed or a template read as bytes.
 */
public final class LineBreaks {
  private LineBreaks() {}

  /** The line breaks that start in {@code b[from..to)} (a CR followed by LF counts once). */
  public static int count(byte[] b, int from, int to) {
    int breaks = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r' && (i + 1 >= b.length || b[i + 1] != '\n')) {
        breaks++;
      }
    }
    return breaks;
  }
}
