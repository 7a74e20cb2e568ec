package io.github.sitegen.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses and checks the textual values of the site options (locale, time zone, base URL, page size)
 * the same way for every front end: the Maven plugin and the command line. Each method throws
 * {@link IllegalArgumentException} whose message says what was expected and quotes what was found,
 * for example {@code expected an IETF BCP 47 language tag of a known locale such as "fr-FR" or
 * "en", found "xx-Bogus"}; the caller prefixes it with the name of its option.
 *
 * <pre>{@code
 * Locale locale = OptionValues.locale("fr-FR"); // Locale.FRANCE
 * ZoneId zone = OptionValues.zone("Europe/Paris");
 * }</pre>
 */
public final class OptionValues {
  private static final Set<Locale> AVAILABLE_LOCALES = Set.of(Locale.getAvailableLocales());

  private OptionValues() {}

  /**
   * Parses an IETF BCP 47 language tag ({@code fr-FR}, {@code en}) into a locale the JDK knows.
   *
   * @throws IllegalArgumentException when the tag is malformed ({@code fr_FR}), empty, or names a
   *     locale the JDK has no data for ({@code xx-Bogus})
   */
  public static Locale locale(String tag) {
    String expected =
        "expected an IETF BCP 47 language tag of a known locale such as \"fr-FR\" or" + " \"en\"";
    Locale locale;
    try {
      locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
    } catch (IllformedLocaleException e) {
      throw new IllegalArgumentException(expected + ", found \"" + tag + "\"", e);
    }
    if (locale.getLanguage().isEmpty() || !AVAILABLE_LOCALES.contains(locale)) {
      throw new IllegalArgumentException(expected + ", found \"" + tag + "\"");
    }
    return locale;
  }

  /**
   * Parses a time-zone id: a region ({@code Europe/Paris}), {@code UTC}, or an offset ({@code
   * +01:00}).
   *
   * @throws IllegalArgumentException when the zone is unknown or malformed
   */
  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "expected a time-zone id such as \"Europe/Paris\" or \"UTC\", found \"" + id + "\"", e);
    }
  }

  /**
   * Parses the absolute {@code http} or {@code https} URL a site is published at; a blank value
   * means "no base URL" and gives null. A missing trailing slash is added, so that {@code
   * https://example.org/archive} and {@code https://example.org/archive/} mean the same folder,
   * and characters outside ASCII are percent-encoded ({@code /archivé/} gives {@code
   * /archiv%C3%A9/}).
   *
   * @throws IllegalArgumentException when the value is not an absolute http(s) URL with a host
   */
  public static @Nullable URI baseUrl(String url) {
    String trimmed = url.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    String expected = "expected an absolute http(s) URL such as \"https://example.org/archive/\"";
    URI uri;
    try {
      uri = new URI(trimmed.endsWith("/") ? trimmed : trimmed + "/");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(expected + ", found \"" + url + "\"", e);
    }
    String scheme = uri.getScheme();
    boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(expected + ", found \"" + url + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      // it would be published in every page's canonical link, the feeds and the sitemap; the
      // option's own value is not repeated either, as it holds a password
      throw new IllegalArgumentException(
          expected + " without a user name or password, found one with them");
    }
    // non-ASCII characters of the path percent-encoded: sitemaps and robots.txt need URIs, and
    // the pages' links are the same either way
    return URI.create(uri.toASCIIString());
  }

  /**
   * Checks a site title: pages show it after their own ("Tags – Next archive"), and feeds and the
   * home page by itself, so an empty one leaves a dangling dash and empty headings.
   *
   * @return the title, as given
   * @throws IllegalArgumentException when it is empty or only white space
   */
  public static String title(String title) {
    if (title.isBlank()) {
      throw new IllegalArgumentException("expected a site title, found an empty one");
    }
    return title;
  }

  /**
   * Checks a number of articles per page.
   *
   * @return the page size
   * @throws IllegalArgumentException when it is less than 1
   */
  public static int pageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException(
          "expected a number of articles per page of at least 1, found " + size);
    }
    return size;
  }

  /**
   * Parses a number of articles per page.
   *
   * @throws IllegalArgumentException when the text is not a whole number of at least 1
   */
  public static int pageSize(String size) {
    try {
      return pageSize(Integer.parseInt(size.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a number of articles per page of at least 1, found \"" + size + "\"", e);
    }
  }

  /**
   * Parses the import's snapshot size limit, in bytes ({@link
   * io.github.sitegen.archive.ImportOptions#maxSnapshotBytes}).
   *
   * @throws IllegalArgumentException when the text is not a whole number of at least 1
   */
  public static long snapshotBytes(String bytes) {
    long value;
    try {
      value = Long.parseLong(bytes.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a number of bytes of at least 1, found \"" + bytes + "\"", e);
    }
    if (value < 1) {
      throw new IllegalArgumentException(
          "expected a number of bytes of at least 1, found " + value);
    }
    return value;
  }

  /**
   * Parses the optional kinds of output to leave out, comma-separated ({@code reader,search}); see
   * {@link PageKind}. Empty gives none.
   *
   * @throws IllegalArgumentException naming the valid kinds, on an unknown one
   */
  public static Set<PageKind> disabledKinds(String list) {
    return PageKind.parse(list);
  }

  /**
   * Parses the absolute URL of a feed to fetch: {@code http}, {@code https} (with a host) or {@code
   * file}.
   *
   * @throws IllegalArgumentException when the value is not such a URL
   */
  public static URI feedUrl(String url) {
    String expected =
        "expected an absolute http(s) or file URL such as \"https://example.org/feed/\"";
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(expected + ", found \"" + url + "\"", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean http = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    boolean file = scheme.equals("file") && uri.getPath() != null;
    if (!http && !file) {
      throw new IllegalArgumentException(expected + ", found \"" + url + "\"");
    }
    return uri;
  }

  /**
   * Checks a TCP port to listen on: 0 (any free port) to 65535.
   *
   * @throws IllegalArgumentException when it is out of range or not a number
   */
  public static int port(String port) {
    String expected = "expected a port number from 0 (any free port) to 65535";
    int value;
    try {
      value = Integer.parseInt(port.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(expected + ", found \"" + port + "\"", e);
    }
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(expected + ", found " + value);
    }
    return value;
  }

  /**
   * Checks that a folder can be written: it is a writable folder, or it does not exist yet and its
   * nearest existing parent is a writable folder (it will be created).
   *
   * @return the folder
   * @throws IllegalArgumentException when the path is a file, or the folder or its nearest existing
   *     parent cannot be written
   */
  public static Path writableDirectory(Path folder) {
    Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String expected = "expected a writable folder, found \"" + folder + "\"";
    if (existing == null) {
      throw new IllegalArgumentException(expected + ": no existing parent folder");
    }
    if (!Files.isDirectory(existing)) {
      throw new IllegalArgumentException(
          expected
              + (existing.equals(folder.toAbsolutePath().normalize())
                  ? ": it is a file"
                  : ": \"" + existing + "\" is a file"));
    }
    if (!Files.isWritable(existing)) {
      throw new IllegalArgumentException(expected + ": \"" + existing + "\" is read-only");
    }
    return folder;
  }
}
