package io.github.sitegen.archive;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One version of an article competing in a merge: from a snapshot item, or the archived file.
 *
 * @param time the snapshot time the version was seen at (for the archived file: when its version
 *     was first seen)
 * @param source the snapshot file name, for deterministic tie-breaks; {@code ""} for the archive
 * @param line the item's line in the snapshot, 0 when unknown or archived
 * @param article the version's fields; its {@code file} and {@code slug} are placeholders until it
 *     is placed in the archive
 * @param body the Markdown body
 * @param feedUpdated the modification date the feed itself gave, or null
 * @param fingerprint {@link ArchivedArticle#fingerprint(Article, String)} of this version
 * @param dateFromSnapshot true when the feed gave no usable date and the article's date is the
 *     snapshot time
 */
record Candidate(
    Instant time,
    String source,
    int line,
    Article article,
    String body,
    @Nullable OffsetDateTime feedUpdated,
    String fingerprint,
    boolean dateFromSnapshot) {

  Candidate {
    requireNonNull(time, "time");
    requireNonNull(source, "source");
    requireNonNull(article, "article");
    requireNonNull(body, "body");
    requireNonNull(fingerprint, "fingerprint");
  }

  static Candidate of(
      Instant time, String source, int line, Article article, String body, @Nullable OffsetDateTime feedUpdated) {
    return of(time, source, line, article, body, feedUpdated, false);
  }

  static Candidate of(
      Instant time,
      String source,
      int line,
      Article article,
      String body,
      @Nullable OffsetDateTime feedUpdated,
      boolean dateFromSnapshot) {
    return new Candidate(
        time, source, line, article, body, feedUpdated, ArchivedArticle.fingerprint(article, body),
        dateFromSnapshot);
  }

  /**
   * The archived file as a candidate: seen when its version was first seen. Its {@code updated}
   * counts as the feed's own unless it is the time the version was first seen, which is what an
   * edit noticed by comparing snapshots records.
   */
  static Candidate archived(ArchivedArticle archived) {
    Instant seen = archived.snapshot() != null ? archived.snapshot() : Instant.EPOCH;
    OffsetDateTime updated = archived.article().updated();
    boolean noticed = updated != null && updated.toInstant().equals(seen);
    return new Candidate(
        seen, "", 0, archived.article(), archived.body(), noticed ? null : updated, archived.fingerprint(),
        archived.dateFromSnapshot());
  }

  boolean fromArchive() {
    return source.isEmpty();
  }
}
