package io.github.sitegen.internal;

/** The characters XML 1.0 allows (its {@code Char} production), and removing the others. */
public final class XmlChars {
  private XmlChars() {}

  /**
   * Whether a UTF-16 unit that is not a surrogate is allowed in XML 1.0: tab, line feed, carriage
   * return, and U+0020–U+D7FF, U+E000–U+FFFD. (Surrogates are allowed only in pairs.)
   */
  public static boolean isLegal(char c) {
    return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
  }

  /** The text without the characters XML 1.0 forbids, unpaired surrogates included; unchanged text is returned as is. */
  public static String strip(String text) {
    // a whole feed is checked here: read as one array, the plain-legal chars told by comparisons
    // (under C1, charAt and a filter call per char were ~2 % of a build with every page kind);
    // anything else (a control char, a surrogate, U+FFFE, U+FFFF) takes the general way
    int n = text.length();
    char[] chars = new char[n];
    text.getChars(0, n, chars, 0);
    for (char c : chars) {
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0xD800 && (c < 0xE000 || c > 0xFFFD)) {
        return keepOnly(text, XmlChars::isLegal);
      }
    }
    return text;
  }

  /** Which UTF-16 units (never surrogates: those are kept in pairs, dropped alone) to keep. */
  @FunctionalInterface
  public interface CharFilter {
    boolean keep(char c);
  }

  /**
   * The text with only the units {@code filter} keeps and the surrogate pairs (unpaired
   * surrogates dropped); unchanged text is returned as is.
   */
  public static String keepOnly(String text, CharFilter filter) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (!Character.isSurrogate(c) && filter.keep(c)) {
        if (out != null) {
          out.append(c);
        }
      } else if (out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
    }
    return out == null ? text : out.toString();
  }
}
