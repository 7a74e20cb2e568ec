package io.github.sitegen.site;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Optional kinds of output a site can do without (what Hugo calls {@code disableKinds}). Article
 * pages, the home page, date and tag indexes are always made; these are extras, switched off to
 * make a smaller or faster site. Pages that would link to a disabled kind leave the link out.
 */
public enum PageKind {
  /** Reading views: the home page's and every day's articles in full ({@code read/}). */
  READER,
  /** The search page and its index ({@code search/}). */
  SEARCH,
  /** Atom feeds: the site's, each tag's and each author's. */
  FEEDS,
  /** Author pages and the author index ({@code authors/}); names stay, as plain text. */
  AUTHORS,
  /** {@code sitemap.xml} (made only when a base URL is set). */
  SITEMAP;

  /** The name used in options: {@code reader}, {@code search}, … */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kinds named in {@code list}, separated by commas or spaces, in any case; {@code ""} gives
   * none.
   *
   * @throws IllegalArgumentException naming the valid kinds, on an unknown one
   */
  public static Set<PageKind> parse(String list) {
    Set<PageKind> kinds = EnumSet.noneOf(PageKind.class);
    for (String word : list.split("[,\\s]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String key = word.toLowerCase(Locale.ROOT);
      kinds.add(
          Arrays.stream(values())
              .filter(k -> k.key().equals(key))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "expected page kinds among "
                              + names()
                              + " (comma-separated), found \""
                              + word
                              + "\"")));
    }
    return kinds;
  }

  /** Every kind's key, comma-separated: {@code reader, search, feeds, authors, sitemap}. */
  public static String names() {
    return Arrays.stream(values()).map(PageKind::key).collect(Collectors.joining(", "));
  }
}
