package io.github.sitegen.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the time a snapshot was taken in its file name: an ISO-8601 date-time, basic or extended,
 * seconds optional, e.g. {@code next-2026-02-05T1700.rss.xml}, {@code feed-20260205T160000Z.xml},
 * {@code feed-2026-02-05T16:00:00+01:00.xml}. A name without a zone is read as UTC, the zone the
 * {@code snapshot} goal writes its names in.
 */
final class FileNameTimestamp {

  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?<![0-9])(\\d{4})-?(\\d{2})-?(\\d{2})[Tt](\\d{2}):?(\\d{2})(?::?(\\d{2}))?"
              + "(?:[.,]\\d+)?(Z|z|[+-]\\d{2}:?\\d{2})?(?![0-9])");

  private FileNameTimestamp() {}

  /** The first valid timestamp in {@code fileName}, or empty when there is none. */
  static Optional<Instant> parse(String fileName) {
    Matcher m = TIMESTAMP.matcher(fileName);
    while (m.find()) {
      try {
        LocalDateTime local =
            LocalDateTime.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        return Optional.of(local.toInstant(offset(m.group(7))));
      } catch (DateTimeException e) {
        // 20261399T9999: digits, not a date; look further along the name
      }
    }
    return Optional.empty();
  }

  private static ZoneOffset offset(@Nullable String zone) {
    if (zone == null || zone.equalsIgnoreCase("z")) {
      return ZoneOffset.UTC;
    }
    String hours = zone.substring(0, 3);
    String minutes = zone.substring(zone.length() - 2);
    return ZoneOffset.of(hours + ":" + minutes);
  }
}
