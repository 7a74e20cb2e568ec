package io.github.sitegen.site;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the archived copies of images are: original URL to path in the site ({@code
 * images/ab/ab12….webp}, copied there from the archive). An image that was not archived keeps its
 * original URL.
 *
 * @param paths site paths by original URL (exactly as the article wrote it, blanks stripped)
 * @param baseUrl the site's public URL, for the places that need an absolute URL; or null
 */
record ArchivedImages(Map<String, String> paths, @Nullable URI baseUrl) {
  static final ArchivedImages NONE = new ArchivedImages(Map.of(), null);

  ArchivedImages {
    paths = Map.copyOf(paths);
  }

  /** The link from page {@code from} to the archived copy of {@code url}, if there is one. */
  Optional<String> relative(String from, String url) {
    String path = paths.get(url.strip());
    return path == null ? Optional.empty() : Optional.of(RelativeUrls.relative(from, path));
  }

  /**
   * The lead image of the article on page {@code from}: the archived copy (absolute with a base
   * URL, so that Open Graph gets an absolute URL; else relative), or the original web URL.
   */
  String lead(String from, String url) {
    String path = paths.get(url.strip());
    if (path == null) {
      return SitePlanner.webUrl(url);
    }
    return baseUrl == null ? RelativeUrls.relative(from, path) : absolute(path);
  }

  /** An absolute URL of the lead image (for JSON-LD): the archived copy with a base URL, else the original. */
  String absoluteLead(String url) {
    String path = paths.get(url.strip());
    return path == null || baseUrl == null ? SitePlanner.webUrl(url) : absolute(path);
  }

  private String absolute(String path) {
    String base = String.valueOf(baseUrl);
    return (base.endsWith("/") ? base : base + "/") + path;
  }
}
