package io.github.sitegen.feed;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One feed file saved at one moment, read into items.
 *
 * @param file the snapshot file
 * @param time when the snapshot describes the feed: the feed's own date (RSS {@code lastBuildDate},
 *     else the channel's {@code pubDate} or {@code dc:date}; Atom {@code updated}), else a
 *     timestamp in the file name ({@code next-2026-02-05T1700.rss.xml}, {@code
 *     feed-20260205T160000Z.xml}; UTC when the name gives no zone), else the newest item date, else
 *     the file's modification time
 * @param feedTitle the channel/feed title, plain text; {@code ""} when missing
 * @param feedLink the channel/feed link (the site, not the feed URL); {@code ""} when missing
 * @param items the items in file order
 */
public record Snapshot(
    Path file, Instant time, String feedTitle, String feedLink, List<FeedItem> items) {
  public Snapshot {
    requireNonNull(file, "file");
    requireNonNull(time, "time");
    requireNonNull(feedTitle, "feedTitle");
    requireNonNull(feedLink, "feedLink");
    items = List.copyOf(items);
  }
}
