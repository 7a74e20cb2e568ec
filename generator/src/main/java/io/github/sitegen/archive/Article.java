package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the archive knows of one article without its body: the front matter of one Markdown file
 * under the archive folder. Bodies stay on disk; read one with {@link ArchiveReader#body(Article)}.
 *
 * @param file the Markdown file
 * @param id stable identity (the feed's guid, else the normalised link, else a content hash; for
 *     hand-written articles the path under the archive)
 * @param title plain-text title, never blank
 * @param subtitle kicker or subtitle, or {@code ""}
 * @param date publication date with the offset it was archived with
 * @param updated when the publisher last changed it, or null when never known to have changed
 * @param authors author names
 * @param tags tags and categories, in source order
 * @param link the original URL, or {@code ""}
 * @param feed the title of the feed it came from, or {@code ""} for hand-written articles
 * @param summary plain-text summary, or {@code ""}
 * @param image URL of the lead image, or {@code ""}
 * @param truncated true when the archive holds only the start of the text (paywall)
 * @param paywall percentage of the article left behind the paywall, 0 when unknown
 * @param slug the URL-safe name of the article, unique within its day
 */
public record Article(
    Path file,
    String id,
    String title,
    String subtitle,
    OffsetDateTime date,
    @Nullable OffsetDateTime updated,
    List<String> authors,
    List<String> tags,
    String link,
    String feed,
    String summary,
    String image,
    boolean truncated,
    int paywall,
    String slug) {

  /**
   * Newest first (by the instant of {@link #date}), ties broken by file path so that the order is
   * total and deterministic: the order of an archive's listing and of its site's lists. Compares
   * without making an {@code Instant} per comparison.
   */
  public static final Comparator<Article> NEWEST_FIRST =
      (a, b) -> {
        int c = Long.compare(b.date.toEpochSecond(), a.date.toEpochSecond());
        if (c == 0) {
          c = Integer.compare(b.date.getNano(), a.date.getNano());
        }
        return c != 0 ? c : a.file.toString().compareTo(b.file.toString());
      };

  public Article {
    requireNonNull(file, "file");
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException(file + ": title must not be blank");
    }
    requireNonNull(subtitle, "subtitle");
    requireNonNull(date, "date");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    requireNonNull(link, "link");
    requireNonNull(feed, "feed");
    requireNonNull(summary, "summary");
    requireNonNull(image, "image");
    requireNonNull(slug, "slug");
  }
}
