package io.github.sitegen.markdown;

import java.util.Locale;

/** Checks on URLs taken from untrusted HTML. */
final class Urls {

  private Urls() {}

  /** Removes what browsers ignore in URLs (tabs, line breaks, control characters, edge spaces). */
  static String clean(String url) {
    StringBuilder sb = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c >= 0x20 && c != 0x7f) {
        sb.append(c);
      }
    }
    return sb.toString().strip();
  }

  /**
   * False for script URLs ({@code javascript:}, {@code vbscript:}) and for {@code data:} URLs
   * other than raster images in an image.
   */
  static boolean isSafe(String url, boolean image) {
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return true;
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      boolean schemeChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!schemeChar) {
        return true; // a relative URL with a colon in its path
      }
    }
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "javascript", "vbscript", "livescript", "mocha" -> false;
      case "data" -> image && isRasterImage(url.substring(colon + 1).toLowerCase(Locale.ROOT));
      default -> true;
    };
  }

  private static boolean isRasterImage(String data) {
    for (String type : new String[] {"png", "gif", "jpeg", "jpg", "webp", "avif", "bmp"}) {
      if (data.startsWith("image/" + type + ";") || data.startsWith("image/" + type + ",")) {
        return true;
      }
    }
    return false;
  }
}
