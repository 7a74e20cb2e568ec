package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One archive file in full: the article, its body, and the import bookkeeping kept in its front
 * matter ({@code snapshot}: when the current version was first seen; {@code hash}: fingerprint of
 * the version as imported, to notice hand edits and upstream changes; {@code images}: archived
 * copies of its images, each {@code "<original URL> <path in the archive>"}, sorted).
 */
record ArchivedArticle(
    Article article,
    String body,
    @Nullable Instant snapshot,
    String hash,
    boolean dateFromSnapshot,
    List<String> images) {

  /** ISO-8601 with offset, seconds always written: {@code 2026-02-05T16:20:00+01:00}. */
  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  /** {@code images/ab/ab12….webp}: where {@link io.github.sitegen.images.ImageDownloader} saves. */
  private static final Pattern IMAGE_PATH =
      Pattern.compile("images/[0-9a-f]{2}/[0-9a-f]{32,64}\\.(jpg|png|gif|webp|avif)");

  ArchivedArticle {
    requireNonNull(article, "article");
    requireNonNull(body, "body");
    requireNonNull(hash, "hash");
    images = List.copyOf(images);
  }

  ArchivedArticle(
      Article article, String body, @Nullable Instant snapshot, String hash, boolean dateFromSnapshot) {
    this(article, body, snapshot, hash, dateFromSnapshot, List.of());
  }

  ArchivedArticle(Article article, String body, @Nullable Instant snapshot, String hash) {
    this(article, body, snapshot, hash, false);
  }

  /** This article with other archived images ({@code "<original URL> <path>"} each). */
  ArchivedArticle withImages(List<String> images) {
    return new ArchivedArticle(article, body, snapshot, hash, dateFromSnapshot, images);
  }

  /**
   * The archived images as original URL to path in the archive ({@code images/ab/ab12….webp});
   * an entry that is not {@code "<url> images/<2 hex>/<hex>.<ext>"} is ignored.
   */
  Map<String, String> imageMap() {
    return imageMap(images);
  }

  static Map<String, String> imageMap(List<String> images) {
    Map<String, String> map = new TreeMap<>();
    for (String entry : images) {
      int space = entry.lastIndexOf(' ');
      // only paths the import writes: a hand-edited entry cannot point outside images/
      if (space > 0 && IMAGE_PATH.matcher(entry.substring(space + 1)).matches()) {
        map.put(entry.substring(0, space).strip(), entry.substring(space + 1));
      }
    }
    return map;
  }

  /** The fingerprint of what a reader sees of this article (not its image, dates or bookkeeping). */
  String fingerprint() {
    return fingerprint(article, body);
  }

  static String fingerprint(Article a, String body) {
    MessageDigest digest = Sha256.digest();
    for (String part :
        List.of(
            a.title(),
            a.subtitle(),
            String.join("\u001f", a.authors()),
            String.join("\u001f", a.tags()),
            a.link(),
            a.summary(),
            body,
            Boolean.toString(a.truncated()),
            Integer.toString(a.paywall()))) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1e);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** The file's text: front matter in a fixed key order, then the body. */
  String toText() {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("title", article.title());
    values.put("subtitle", emptyToNull(article.subtitle()));
    values.put("date", DATE_TIME.format(article.date()));
    // the feed gave no usable date: the date is when a snapshot first showed the article
    values.put("date_from", dateFromSnapshot ? "snapshot" : null);
    values.put("updated", article.updated() == null ? null : DATE_TIME.format(article.updated()));
    values.put("authors", article.authors().isEmpty() ? null : article.authors());
    values.put("tags", article.tags().isEmpty() ? null : article.tags());
    values.put("link", emptyToNull(article.link()));
    values.put("id", article.id());
    values.put("feed", emptyToNull(article.feed()));
    values.put("summary", emptyToNull(article.summary()));
    values.put("image", emptyToNull(article.image()));
    values.put("truncated", article.truncated() ? Boolean.TRUE : null);
    values.put("paywall", article.paywall() > 0 ? article.paywall() : null);
    values.put("slug", article.slug());
    values.put(
        "snapshot",
        snapshot == null ? null : DATE_TIME.format(snapshot.atOffset(article.date().getOffset())));
    values.put("hash", emptyToNull(hash));
    // bookkeeping like snapshot and hash: not part of the fingerprint
    values.put("images", images.isEmpty() ? null : images);
    return FrontMatter.write(values, body);
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /**
   * Reads an article from parsed front matter. Hand-written files need only {@code title} and
   * {@code date}; the id defaults to {@code defaultId} and the slug to the file name.
   *
   * @param label the file as shown in messages
   * @param zone the zone for dates written without an offset
   * @throws SiteGenException naming the key and its line when a value is unusable
   */
  static ArchivedArticle from(
      Path file, String label, FrontMatter.Parsed parsed, String defaultId, ZoneId zone) {
    Map<String, FrontMatter.Value> v = parsed.values();
    String title = text(v, "title", label).strip();
    if (title.isEmpty()) {
      throw new SiteGenException(
          Problem.error(label, lineOf(v, "title"), "front matter 'title': expected a non-empty text"));
    }
    OffsetDateTime date = dateTime(v, "date", label, zone);
    if (date == null) {
      throw new SiteGenException(
          Problem.error(label, 1, "front matter: expected a 'date', found none"));
    }
    List<String> authors = list(v, "authors", label);
    if (authors.isEmpty()) {
      authors = list(v, "author", label);
    }
    List<String> tags = list(v, "tags", label);
    if (tags.isEmpty()) {
      tags = list(v, "categories", label);
    }
    String fileName = file.getFileName().toString().replaceFirst("\\.md$", "");
    String slug = Slugs.of(text(v, "slug", label).isEmpty() ? fileName : text(v, "slug", label), title);
    String id = text(v, "id", label);
    Article article =
        new Article(
            file,
            id.isEmpty() ? defaultId : id,
            title,
            text(v, "subtitle", label),
            date,
            dateTime(v, "updated", label, zone),
            authors,
            tags,
            text(v, "link", label),
            text(v, "feed", label),
            text(v, "summary", label),
            text(v, "image", label),
            bool(v, "truncated", label),
            integer(v, "paywall", label),
            slug);
    OffsetDateTime snapshot = dateTime(v, "snapshot", label, zone);
    return new ArchivedArticle(
        article,
        parsed.body(),
        snapshot == null ? null : snapshot.toInstant(),
        text(v, "hash", label),
        text(v, "date_from", label).strip().equals("snapshot"),
        list(v, "images", label));
  }

  private static int lineOf(Map<String, FrontMatter.Value> v, String key) {
    FrontMatter.Value value = v.get(key);
    return value == null ? 1 : value.line();
  }

  private static String text(Map<String, FrontMatter.Value> v, String key, String label) {
    FrontMatter.Value value = v.get(key);
    if (value == null) {
      return "";
    }
    if (value.isList() || value.isMapping()) {
      throw new SiteGenException(
          Problem.error(
              label,
              value.line(),
              "front matter '" + key + "': expected a text, found a "
                  + (value.isList() ? "list" : "mapping")));
    }
    return (String) value.value();
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, FrontMatter.Value> v, String key, String label) {
    FrontMatter.Value value = v.get(key);
    if (value == null) {
      return List.of();
    }
    if (value.isMapping()) {
      throw new SiteGenException(
          Problem.error(
              label, value.line(), "front matter '" + key + "': expected a list of texts, found a mapping"));
    }
    List<String> items = value.isList() ? (List<String>) value.value() : List.of((String) value.value());
    return items.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static boolean bool(Map<String, FrontMatter.Value> v, String key, String label) {
    String text = text(v, key, label).strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "", "false", "no", "off" -> false;
      case "true", "yes", "on" -> true;
      default ->
          throw new SiteGenException(
              Problem.error(
                  label, lineOf(v, key), "front matter '" + key + "': expected true or false, found \"" + text + "\""));
    };
  }

  private static int integer(Map<String, FrontMatter.Value> v, String key, String label) {
    String text = text(v, key, label).strip();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SiteGenException(
          Problem.error(label, lineOf(v, key), "front matter '" + key + "': expected a number, found \"" + text + "\""));
    }
  }

  private static @Nullable OffsetDateTime dateTime(
      Map<String, FrontMatter.Value> v, String key, String label, ZoneId zone) {
    String text = text(v, key, label).strip();
    if (text.isEmpty()) {
      return null;
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11).replace(" ", "") : text;
    OffsetDateTime date = parsedDateTime(iso, zone, v, key, label, text);
    int year = date.withOffsetSameInstant(ZoneOffset.UTC).getYear();
    if (year < 1 || year > 9999) {
      // (a negative year would make the site's date folders absolute paths)
      throw new SiteGenException(
          Problem.error(
              label,
              lineOf(v, key),
              "front matter '" + key + "': expected a date-time in the years 1 to 9999 (UTC),"
                  + " found \"" + text + "\""));
    }
    return date;
  }

  private static OffsetDateTime parsedDateTime(
      String iso,
      ZoneId zone,
      Map<String, FrontMatter.Value> v,
      String key,
      String label,
      String text) {
    try {
      return OffsetDateTime.parse(iso);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(iso).atZone(zone).toOffsetDateTime();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(iso).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException notDate) {
          throw new SiteGenException(
              Problem.error(
                  label,
                  lineOf(v, key),
                  "front matter '" + key + "': expected an ISO-8601 date-time, found \"" + text + "\""));
        }
      }
    }
  }
}
