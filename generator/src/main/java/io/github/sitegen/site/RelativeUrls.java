package io.github.sitegen.site;


/**
 * Relative links between output paths, so a site works under any sub-path and from {@code file://}.
 * Links keep {@code index.html}: a browser opening a folder from disk shows a listing, not the
 * page.
 */
final class RelativeUrls {
  private RelativeUrls() {}

  /**
   * The link from page {@code from} to file {@code to}, both relative to the site root, e.g. from
   * {@code 2026/02/05/a/index.html} to {@code tags/ia/index.html}: {@code
   * ../../../../tags/ia/index.html}.
   */
  static String relative(String from, String to) {
    // the directories both paths start with, compared segment by segment (no splitting: every
    // link of every page comes through here)
    int fromDirs = from.lastIndexOf('/') + 1;
    int toDirs = to.lastIndexOf('/') + 1;
    int common = 0;
    while (common < fromDirs && common < toDirs) {
      int fromEnd = from.indexOf('/', common);
      int toEnd = to.indexOf('/', common);
      if (fromEnd != toEnd || !from.regionMatches(common, to, common, fromEnd - common)) {
        break;
      }
      common = fromEnd + 1;
    }
    int ups = 0;
    for (int i = common; i < fromDirs; i++) {
      if (from.charAt(i) == '/') {
        ups++;
      }
    }
    String link = "../".repeat(ups) + to.substring(common);
    return link.isEmpty() ? "./" : link;
  }

  /**
   * The public URL of a page: {@code index.html} dropped, so {@code 2026/} rather than {@code
   * 2026/index.html}.
   */
  static String pretty(String path) {
    if (path.equals("index.html")) {
      return "";
    }
    return path.endsWith("/index.html")
        ? path.substring(0, path.length() - "index.html".length())
        : path;
  }
}
