package io.github.sitegen.site;

import java.util.Arrays;
import java.util.List;

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
    List<String> fromDirs = directories(from);
    List<String> toParts = Arrays.asList(to.split("/", -1));
    List<String> toDirs = toParts.subList(0, toParts.size() - 1);
    int common = 0;
    while (common < fromDirs.size()
        && common < toDirs.size()
        && fromDirs.get(common).equals(toDirs.get(common))) {
      common++;
    }
    var link = new StringBuilder();
    link.append("../".repeat(fromDirs.size() - common));
    for (String part : toParts.subList(common, toParts.size())) {
      link.append(part).append('/');
    }
    link.setLength(link.length() - 1);
    return link.length() == 0 ? "./" : link.toString();
  }

  private static List<String> directories(String page) {
    List<String> parts = Arrays.asList(page.split("/", -1));
    return parts.subList(0, parts.size() - 1);
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
