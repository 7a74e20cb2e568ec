package io.github.sitegen.snapshot;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What fetching one feed gave.
 *
 * @param feed the feed's name
 * @param outcome what happened
 * @param file the snapshot written, or null when none was
 * @param bytes size of the (decoded) body received; 0 on 304
 * @param attempts requests made, retries included, redirects not
 */
public record FetchResult(
    String feed, Outcome outcome, @Nullable Path file, long bytes, int attempts) {

  /** What happened to one feed. */
  public enum Outcome {
    /** A new snapshot file was written. */
    SAVED,
    /** The server answered 304 Not Modified; nothing written. */
    NOT_MODIFIED,
    /** The body is byte for byte the latest snapshot of this feed; nothing written. */
    UNCHANGED
  }

  public FetchResult {
    requireNonNull(feed, "feed");
    requireNonNull(outcome, "outcome");
  }

  /** {@code next: saved next-20260205T160000Z.xml (48,213 bytes)}, or why nothing was. */
  public String summary() {
    return switch (outcome) {
      case SAVED ->
          String.format(
              Locale.ROOT,
              "%s: saved %s (%,d bytes)",
              feed,
              file == null ? "" : file.getFileName(),
              bytes);
      case NOT_MODIFIED -> feed + ": not modified (304), nothing saved";
      case UNCHANGED -> feed + ": same bytes as the latest snapshot, nothing saved";
    };
  }
}
