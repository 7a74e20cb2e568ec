package io.github.sitegen.markdown;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

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
   * False for script URLs ({@code javascript:}, {@code vbscript:}) and for {@code data:} URLs other
   * than raster images in an image.
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

  /** {@code https://host:port} of an absolute http(s) URL, or {@code ""}. */
  static String origin(String base) {
    String lower = base.length() > 8 ? base.substring(0, 8).toLowerCase(Locale.ROOT) : "";
    int start;
    if (lower.startsWith("https://")) {
      start = 8;
    } else if (lower.startsWith("http://")) {
      start = 7;
    } else {
      return "";
    }
    int end = start;
    while (end < base.length() && "/?#".indexOf(base.charAt(end)) < 0) {
      end++;
    }
    String authority = base.substring(start, end);
    if (authority.isEmpty() || !isPlain(authority, false)) {
      return "";
    }
    return base.substring(0, end);
  }

  /**
   * The common cases of URL resolution done by hand, for speed: an absolute http(s) URL stays as it
   * is, a path from the root ({@code /a/b}) goes after the base's origin. Anything else (relative
   * paths, dot segments, odd characters) returns {@code null}: let jsoup resolve it.
   */
  static @Nullable String resolveSimple(String origin, String url) {
    if (url.startsWith("https://") || url.startsWith("http://")) {
      int start = url.indexOf("//") + 2;
      return start < url.length() && isPlain(url.substring(start), true) ? url : null;
    }
    if (!origin.isEmpty()
        && url.length() > 1
        && url.charAt(0) == '/'
        && url.charAt(1) != '/'
        && isPlain(url, true)) {
      return origin + url;
    }
    return null;
  }

  /** Only characters that need no encoding, and no dot segment ({@code /./}, {@code /../}). */
  private static boolean isPlain(String s, boolean path) {
    if (path && (s.contains("/.") || s.endsWith("/.."))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/?#%=&+:@,;!$*".indexOf(c) >= 0;
      if (!plain) {
        return false;
      }
    }
    return true;
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
