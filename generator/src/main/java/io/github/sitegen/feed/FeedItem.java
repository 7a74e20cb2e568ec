package io.github.sitegen.feed;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One item (RSS) or entry (Atom) of a feed snapshot, as the feed gave it. Text fields are plain
 * text with entities decoded; HTML fields are raw, unsanitised HTML from the feed.
 *
 * @param guid the guid (RSS) or id (Atom), trimmed; {@code ""} when the feed has none
 * @param link the item's link, absolute when the feed allows it; {@code ""} when none
 * @param title plain-text title (HTML titles are reduced to text); may be {@code ""}
 * @param published publication date (RSS {@code pubDate} or {@code dc:date}, Atom {@code
 *     published}, else Atom {@code updated}), in UTC: the instant is the feed's, its offset is not
 *     kept; null when missing or unparseable
 * @param updated modification date in UTC (Atom {@code updated} when it differs from published);
 *     null when the feed gives none
 * @param authors author names ({@code dc:creator}, {@code author}), in feed order, without blanks
 * @param categories category/tag labels in feed order, trimmed, without blanks or duplicates
 * @param summaryHtml the short description ({@code description} or Atom {@code summary}) as HTML
 * @param contentHtml the full content ({@code content:encoded} or Atom {@code content}), falling
 *     back to the description when the feed has no content
 * @param baseUri base for resolving relative URLs in the HTML ({@code xml:base}, else the link,
 *     else the feed link); {@code ""} when unknown
 * @param image URL of the item's image ({@code media:content}, {@code media:thumbnail} or an image
 *     enclosure); {@code ""} when none
 * @param line 1-based line in the snapshot file where the item starts; 0 when unknown
 */
public record FeedItem(
    String guid,
    String link,
    String title,
    @Nullable OffsetDateTime published,
    @Nullable OffsetDateTime updated,
    List<String> authors,
    List<String> categories,
    String summaryHtml,
    String contentHtml,
    String baseUri,
    String image,
    int line) {

  public FeedItem {
    requireNonNull(guid, "guid");
    requireNonNull(link, "link");
    requireNonNull(title, "title");
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    requireNonNull(summaryHtml, "summaryHtml");
    requireNonNull(contentHtml, "contentHtml");
    requireNonNull(baseUri, "baseUri");
    requireNonNull(image, "image");
  }
}
