package io.github.sitegen.archive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides what the archive holds for one article id, given every version seen: a pure function of
 * the set of candidates, so the result never depends on the order snapshot files were read in.
 *
 * <ol>
 *   <li>A truncated (paywalled) version never beats a full one.
 *   <li>The version from the latest snapshot wins. Versions from snapshots of the same moment (the
 *       RSS and the Atom file of 17:00) merge field by field: text fields from the richest (longest
 *       body, then a fixed order), tags and authors united, the latest {@code updated} the feeds
 *       give. This is a join (a max and unions), so the archived file can stand in for versions
 *       merged in an earlier run.
 *   <li>The image is the one of the first snapshot that showed the winning text: an image change
 *       alone (Next's brèves once carried the latest article's image) is not an edit.
 *   <li>{@code updated} is the feed's own modification date when one gives it; else, when an
 *       earlier snapshot had a different text, the time the winning text was first seen: the
 *       start of the last unbroken run of snapshots showing it (a text edited, then reverted, is
 *       new again), each moment counting as the join of its versions.
 * </ol>
 *
 * <p>Every snapshot at once or one run at a time (the archived file standing for what earlier runs
 * merged) gives the same result: {@code HourlyRandomTest} checks it on random sequences.
 */
final class VersionMerger {
  private static final Comparator<Candidate> BY_TIME_THEN_SOURCE =
      Comparator.comparing(Candidate::time).thenComparing(Candidate::source);

  /** A total order on what versions say, to pick one among versions of the same moment. */
  private static final Comparator<Candidate> RICHEST =
      Comparator.comparingInt((Candidate c) -> c.body().length())
          .thenComparing(Candidate::body)
          .thenComparing(c -> c.article().title())
          .thenComparing(c -> c.article().summary())
          .thenComparing(c -> c.article().subtitle())
          .thenComparing(c -> c.article().link())
          .thenComparing(c -> c.article().date().toInstant());

  private VersionMerger() {}

  /**
   * The merged version.
   *
   * @param archived the archived file, or null for a new article
   * @param seen the versions from snapshots, at least one
   * @param zone the zone dates are written in
   * @return the winning article (file and slug still those of the first candidate), its body, and
   *     when its text was first seen
   */
  static Merged merge(@Nullable ArchivedArticle archived, List<Candidate> seen, ZoneId zone) {
    if (seen.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    List<Candidate> all = new ArrayList<>(seen);
    if (archived != null) {
      all.add(Candidate.archived(archived));
    }
    all.sort(BY_TIME_THEN_SOURCE);

    boolean anyFull = all.stream().anyMatch(c -> !c.article().truncated());
    List<Candidate> pool = all.stream().filter(c -> !anyFull || !c.article().truncated()).toList();
    Instant latest = pool.get(pool.size() - 1).time();
    List<Candidate> tied = pool.stream().filter(c -> c.time().equals(latest)).toList();

    // the join of the tied versions: a max and unions, so that merging them in one run or one by
    // one over several runs (the archived file standing for the earlier ones) gives the same result
    Join join = join(tied);
    Candidate primary = join.primary();
    Article a = primary.article();
    String subtitle = join.text().subtitle();
    String summary = join.text().summary();
    OffsetDateTime feedUpdated = join.feedUpdated();
    List<String> authors = join.text().authors();
    List<String> tags = join.text().tags();
    String fingerprint = join.fingerprint();

    // each moment (the versions of one snapshot time) shows the join of its versions, as the run
    // that merged them archived it; the winning text counts as seen since the start of the last
    // unbroken run of moments showing it (a text edited, then reverted, is new again), and it was
    // edited when anything came before that: what importing the snapshots one run at a time,
    // the archived file standing for the earlier ones, also finds
    Set<Candidate> inPool = Collections.newSetFromMap(new IdentityHashMap<>());
    inPool.addAll(pool);
    List<List<Candidate>> moments = new ArrayList<>();
    for (int from = 0; from < all.size(); ) {
      int to = from + 1;
      while (to < all.size() && all.get(to).time().equals(all.get(from).time())) {
        to++;
      }
      moments.add(all.subList(from, to));
      from = to;
    }
    int runStart = moments.size();
    for (int m = moments.size() - 1; m >= 0; m--) {
      List<Candidate> moment = moments.get(m);
      if (moment.stream().noneMatch(inPool::contains)) {
        continue; // truncated versions alone never replace the full text: not a state of it
      }
      // (the latest moment's join is the one made above)
      if (!moment.get(0).time().equals(latest) && !shown(moment, inPool).equals(fingerprint)) {
        break;
      }
      runStart = m;
    }
    // (the latest moment of the pool shows the winning text: the run is never empty)
    Instant firstSeen = runStart < moments.size() ? moments.get(runStart).get(0).time() : latest;
    List<Candidate> sameText = new ArrayList<>();
    for (List<Candidate> moment : moments.subList(runStart, moments.size())) {
      moment.stream().filter(inPool::contains).forEach(sameText::add);
    }
    // (each moment's join may hash its text: none is made once one differs)
    boolean editedSince = false;
    for (List<Candidate> moment : moments.subList(0, runStart)) {
      if (!shown(moment, inPool).equals(fingerprint)) {
        editedSince = true;
        break;
      }
    }
    String image =
        sameText.stream().map(c -> c.article().image()).filter(s -> !s.isEmpty()).findFirst()
            .orElseGet(() -> tied.stream().map(c -> c.article().image()).filter(s -> !s.isEmpty()).findFirst().orElse(""));

    OffsetDateTime updated = feedUpdated;
    if (updated == null && archived != null && archived.fingerprint().equals(fingerprint)) {
      updated = archived.article().updated();
    }
    if (updated == null && editedSince) {
      updated = firstSeen.atZone(zone).toOffsetDateTime();
    }
    if (updated != null && !updated.toInstant().isAfter(a.date().toInstant())) {
      updated = null; // "updated" before or at publication says nothing
    }
    // an undated article is dated by the first snapshot that showed it, whatever the read order
    boolean dateFromSnapshot = primary.dateFromSnapshot();
    OffsetDateTime date = a.date();
    if (dateFromSnapshot) {
      date =
          all.stream()
              .filter(Candidate::dateFromSnapshot)
              .map(c -> c.article().date())
              .min(Comparator.comparing(OffsetDateTime::toInstant))
              .orElse(date);
    }
    Article merged =
        new Article(
            a.file(), a.id(), a.title(), subtitle, date, updated, authors, tags,
            a.link(), a.feed(), summary, image, a.truncated(), a.paywall(), a.slug());
    // the latest version alone at its moment, not the archived file's: merging it again into what
    // this merge makes changes nothing (SeenItems)
    @Nullable Candidate alone = tied.size() == 1 && !primary.fromArchive() ? primary : null;
    return new Merged(
        merged, primary.body(), firstSeen, fingerprint, dateFromSnapshot, all.get(0).article(), alone);
  }

  /**
   * Versions of one moment joined: the richest one's fields, the first non-empty subtitle and
   * summary, authors and tags united, the latest {@code updated} the feeds give.
   *
   * @param text the joined fields (file, slug, date and image those of the primary)
   * @param fingerprint the joined text's
   */
  private record Join(
      Candidate primary, Article text, @Nullable OffsetDateTime feedUpdated, String fingerprint) {}

  private static Join join(List<Candidate> tied) {
    Candidate primary = tied.stream().max(RICHEST).orElseThrow();
    Article a = primary.article();
    String subtitle = a.subtitle();
    String summary = a.summary();
    OffsetDateTime feedUpdated = null;
    for (Candidate c : tied) {
      subtitle = subtitle.isEmpty() ? c.article().subtitle() : subtitle;
      summary = summary.isEmpty() ? c.article().summary() : summary;
      feedUpdated = later(feedUpdated, c.feedUpdated());
    }
    List<String> authors = union(a.authors(), tied.stream().flatMap(c -> c.article().authors().stream()).toList());
    List<String> tags = union(a.tags(), tied.stream().flatMap(c -> c.article().tags().stream()).toList());
    Article text =
        new Article(
            a.file(), a.id(), a.title(), subtitle, a.date(), null, authors, tags, a.link(), a.feed(),
            summary, a.image(), a.truncated(), a.paywall(), a.slug());
    // the primary's own fingerprint when the join added nothing to it (the common case: one
    // version, or versions alike): the same fields of the same text, without hashing it again
    String fingerprint =
        subtitle.equals(a.subtitle())
                && summary.equals(a.summary())
                && authors.equals(a.authors())
                && tags.equals(a.tags())
            ? primary.fingerprint()
            : ArchivedArticle.fingerprint(text, primary.body());
    return new Join(primary, text, feedUpdated, fingerprint);
  }

  /**
   * The fingerprint of what a moment showed: its version's, or the join of its versions (without
   * the truncated ones the pool leaves out, unless it has no other).
   */
  private static String shown(List<Candidate> moment, Set<Candidate> pool) {
    if (moment.size() == 1) {
      return moment.get(0).fingerprint();
    }
    List<Candidate> joined = moment.stream().filter(pool::contains).toList();
    return join(joined.isEmpty() ? moment : joined).fingerprint();
  }

  /** The primary's items in their order, then the others' in natural order. */
  private static List<String> union(List<String> primary, List<String> all) {
    TreeSet<String> rest = new TreeSet<>(all);
    rest.removeAll(primary);
    List<String> union = new ArrayList<>(primary);
    union.addAll(rest);
    return List.copyOf(union);
  }

  private static @Nullable OffsetDateTime later(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b != null && b.toInstant().isAfter(a.toInstant()) ? b : a;
  }

  /**
   * A merge result.
   *
   * @param article the winning fields
   * @param body the winning body
   * @param firstSeen when the winning text was first seen
   * @param fingerprint the winning text's fingerprint
   * @param dateFromSnapshot true when the date is a snapshot time, the feed having given none
   * @param first the earliest version merged (by time, then source): a new article's file is named
   *     after its title and date, as the hourly import that first saw it would have named it, so
   *     that importing every snapshot at once places it where importing them one by one does
   * @param alone the winning version when it won alone: a version from a snapshot (not the archived
   *     file), the only one of the latest moment; else null
   */
  record Merged(
      Article article,
      String body,
      Instant firstSeen,
      String fingerprint,
      boolean dateFromSnapshot,
      Article first,
      @Nullable Candidate alone) {

    /** What the merge made, without who won it ({@link #alone}): for comparing results. */
    Merged result() {
      return new Merged(article, body, firstSeen, fingerprint, dateFromSnapshot, first, null);
    }
  }
}
