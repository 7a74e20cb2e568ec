package io.github.sitegen.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
