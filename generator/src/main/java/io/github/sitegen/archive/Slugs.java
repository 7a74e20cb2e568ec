package io.github.sitegen.archive;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns titles and tags into URL- and file-safe names: lowercase ASCII letters, digits and single
 * dashes, accents transliterated ({@code é → e}, {@code œ → oe}), everything else (punctuation,
 * emoji, apostrophes) a word break. Never empty, never {@code .}/{@code ..}, never a path.
 *
 * <pre>{@code
 * Slugs.of("L'été indien à Paris")  // "l-ete-indien-a-paris"
 * Slugs.of("☕️ Vos flux RSS")        // "vos-flux-rss"
 * }</pre>
 */
public final class Slugs {

  /** Longest slug, in characters; longer ones are cut at a word break. */
  public static final int MAX_LENGTH = 80;

  /** Names that would clash with the site's own paths or with device names on Windows. */
  private static final Set<String> RESERVED =
      Set.of(
          "page", "index", "tags", "feed", "search", "assets", "static", "con", "prn", "aux", "nul",
          "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
          "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private Slugs() {}

  /**
   * The slug of a text, or {@code ""} when the text has no letter or digit (e.g. only emoji); see
   * {@link #of(String, String)} for a slug that is never empty.
   */
  public static String of(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder slug = new StringBuilder(Math.min(decomposed.length(), MAX_LENGTH + 16));
    boolean pendingDash = false;
    for (int i = 0; i < decomposed.length() && slug.length() <= MAX_LENGTH; i++) {
      char c = decomposed.charAt(i);
      String ascii = transliterate(c);
      if (ascii == null) {
        // combining marks (the accents NFKD split off) vanish; anything else breaks a word
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
          pendingDash = slug.length() > 0;
        }
        continue;
      }
      if (pendingDash) {
        slug.append('-');
        pendingDash = false;
      }
      slug.append(ascii);
    }
    return cut(slug.toString());
  }

  /**
   * The slug of a text, never empty and never a reserved name: {@code fallback} (itself slugged)
   * when the text has no letter or digit, and a {@code -1} suffix on names such as {@code page} or
   * {@code con}.
   */
  public static String of(String text, String fallback) {
    String slug = of(text);
    if (slug.isEmpty()) {
      slug = of(fallback);
    }
    if (slug.isEmpty()) {
      slug = "article";
    }
    return RESERVED.contains(slug) ? slug + "-1" : slug;
  }

  private static String cut(String slug) {
    if (slug.length() <= MAX_LENGTH) {
      return slug;
    }
    int end = slug.lastIndexOf('-', MAX_LENGTH);
    return slug.substring(0, end > MAX_LENGTH / 2 ? end : MAX_LENGTH).replaceAll("-+$", "");
  }

  /** The ASCII form of a lowercase-able letter or digit, or null for everything else. */
  private static String transliterate(char c) {
    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
      return String.valueOf(c);
    }
    if (c >= 'A' && c <= 'Z') {
      return String.valueOf((char) (c + ('a' - 'A')));
    }
    return switch (c) {
      case 'œ', 'Œ' -> "oe";
      case 'æ', 'Æ' -> "ae";
      case 'ß' -> "ss";
      case 'ø', 'Ø' -> "o";
      case 'đ', 'Đ', 'ð', 'Ð' -> "d";
      case 'ł', 'Ł' -> "l";
      case 'þ', 'Þ' -> "th";
      case 'ı' -> "i";
      default -> {
        // other scripts: keep letters and digits that have no ASCII form out; they break words
        if (Character.isLetterOrDigit(c) && c < 0x80) {
          yield String.valueOf(c).toLowerCase(Locale.ROOT);
        }
        yield null;
      }
    };
  }
}
