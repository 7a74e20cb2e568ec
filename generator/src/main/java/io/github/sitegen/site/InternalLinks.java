package io.github.sitegen.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds links that point at another archived article's original URL, so they can lead to the
 * archived page instead. URLs are compared without scheme (http and https), case of host, trailing
 * slash and fragment; the fragment is kept on the rewritten link. An image archived by the import
 * ({@code archiveImages}) leads to its copy in the site.
 *
 * <p>Thread-safe. Targets are remembered by URL: a body's links are looked up for its page, each
 * reading view showing it, and each build's fingerprints.
 */
final class InternalLinks {
  private final Map<String, String> pages;
  private final ArchivedImages images;
  private final Map<String, Optional<String>> targets = new ConcurrentHashMap<>();

  /**
   * @param pages article page paths by normalised original URL
   * @param images the archived images
   */
  InternalLinks(Map<String, String> pages, ArchivedImages images) {
    this.pages = Map.copyOf(pages);
    this.images = images;
  }

  /** Article page paths by normalised original URL. */
  Map<String, String> pages() {
    return pages;
  }

  /** The archived images. */
  ArchivedImages images() {
    return images;
  }

  InternalLinks(Map<String, String> pages) {
    this(pages, ArchivedImages.NONE);
  }

  /** The comparison key of an http(s) URL, or empty when it is not one. */
  static Optional<String> key(String url) {
    String plain = plainKey(url);
    return plain != null ? Optional.of(plain) : uriKey(url);
  }

  /**
   * {@link #key}'s answer for the common URL, {@code http(s)://authority/path?query#fragment} of
   * characters {@link URI} takes as they are, read without {@link URI} (which parses each component
   * with a grammar: most of the time of a link lookup); null for anything else, which {@link URI}
   * then reads. {@code InternalLinksKeyTest} checks that the two agree.
   */
  static @Nullable String plainKey(String url) {
    String u = url.strip();
    int start;
    if (u.regionMatches(true, 0, "https://", 0, 8)) {
      start = 8;
    } else if (u.regionMatches(true, 0, "http://", 0, 7)) {
      start = 7;
    } else {
      return null;
    }
    int n = u.length();
    int authorityEnd = n;
    int queryStart = -1;
    int fragmentStart = -1;
    for (int i = start; i < n; i++) {
      char c = u.charAt(i);
      if (c == '#') {
        if (fragmentStart >= 0) {
          return null; // a second '#': URI refuses it
        }
        fragmentStart = i;
        authorityEnd = Math.min(authorityEnd, i);
      } else if (c == '?') {
        if (fragmentStart < 0 && queryStart < 0) {
          queryStart = i;
        }
        authorityEnd = Math.min(authorityEnd, i);
      } else if (c == '/') {
        authorityEnd = Math.min(authorityEnd, i);
      } else if (c == '%') {
        if (i + 2 >= n || !isHex(u.charAt(i + 1)) || !isHex(u.charAt(i + 2))) {
          return null;
        }
      } else if (!isPlainUriChar(c)) {
        return null;
      }
    }
    if (authorityEnd == start) {
      return null; // no authority: URI's answer, whatever it is
    }
    String authority = u.substring(start, authorityEnd);
    if (authority.indexOf('%') >= 0 || authority.indexOf('@') >= 0 || authority.indexOf(':') >= 0) {
      return null; // escapes, user info and ports: left to URI
    }
    int pathEnd = queryStart >= 0 ? queryStart : fragmentStart >= 0 ? fragmentStart : n;
    String path = u.substring(authorityEnd, Math.max(authorityEnd, pathEnd));
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    String query =
        queryStart < 0 ? "" : "?" + u.substring(queryStart + 1, fragmentStart >= 0 ? fragmentStart : n);
    return authority.toLowerCase(Locale.ROOT) + path.substring(0, end) + query;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Letters, digits and the marks URI takes unescaped in any component: no brackets. */
  private static boolean isPlainUriChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }

  /** {@link #key} by {@link URI}. */
  static Optional<String> uriKey(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return Optional.of(uri.getRawAuthority().toLowerCase(Locale.ROOT) + path + query);
  }

  /**
   * The link to use on page {@code from} for {@code url}: relative when it is an archived image or
   * article, else unchanged.
   */
  String rewrite(String from, String url) {
    return target(url).map(t -> relative(from, t)).orElse(url);
  }

  /**
   * The site path {@code url} leads to (an archived image's copy, or an archived article's page with
   * the link's fragment), or empty when it leads outside the site.
   */
  Optional<String> target(String url) {
    return targets.computeIfAbsent(url, this::find);
  }

  private Optional<String> find(String url) {
    String image = images.paths().get(url.strip());
    if (image != null) {
      return Optional.of(image);
    }
    Optional<String> page = key(url).map(pages::get);
    int hash = url.indexOf('#');
    return page.map(p -> hash >= 0 ? p + url.substring(hash) : p);
  }

  /** The relative link from page {@code from} to a site path that may end with a fragment. */
  static String relative(String from, String target) {
    int hash = target.indexOf('#');
    return hash < 0
        ? RelativeUrls.relative(from, target)
        : RelativeUrls.relative(from, target.substring(0, hash)) + target.substring(hash);
  }
}
