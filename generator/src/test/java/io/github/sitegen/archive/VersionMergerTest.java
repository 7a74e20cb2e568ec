package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class VersionMergerTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant T1100 = Instant.parse("2026-02-05T09:45:00Z");
  static final Instant T1700 = Instant.parse("2026-02-05T15:20:00Z");
  static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2026-02-05T10:45:00+01:00");

  @Test
  void laterSnapshotWinsWhateverTheOrder() {
    Candidate early = candidate(T1100, "next-1100.rss.xml", "Texte.", List.of("Presse"), "", null);
    Candidate late = candidate(T1700, "next-1700.rss.xml", "Texte.\n\nSuite.", List.of("Presse", "Amazon"), "", null);

    VersionMerger.Merged forward = VersionMerger.merge(null, List.of(early, late), PARIS);
    VersionMerger.Merged backward = VersionMerger.merge(null, List.of(late, early), PARIS);

    assertThat(forward).isEqualTo(backward);
    assertThat(forward.body()).isEqualTo("Texte.\n\nSuite.");
    assertThat(forward.article().tags()).containsExactly("Presse", "Amazon");
    assertThat(forward.article().updated()).isEqualTo(OffsetDateTime.parse("2026-02-05T16:20:00+01:00"));
    assertThat(forward.firstSeen()).isEqualTo(T1700);
  }

  @Test
  void snapshotsOfTheSameMomentMergeFieldByField() {
    Candidate early = candidate(T1100, "next-1100.rss.xml", "Texte.", List.of("Presse"), "", null);
    Candidate rss = candidate(T1700, "next-1700.rss.xml", "Texte.\n\nSuite.", List.of("Presse", "Amazon"), "", null);
    Candidate atom =
        candidate(T1700, "next-1700.atom.xml", "Texte.\n\nSuite.", List.of("Presse", "Amazon"), "",
            OffsetDateTime.parse("2026-02-05T12:02:00+01:00"));

    List<List<Candidate>> orders = List.of(List.of(early, rss, atom), List.of(atom, rss, early), List.of(rss, early, atom));

    for (List<Candidate> order : orders) {
      VersionMerger.Merged merged = VersionMerger.merge(null, order, PARIS);
      assertThat(merged.article().updated()).isEqualTo(OffsetDateTime.parse("2026-02-05T12:02:00+01:00"));
      assertThat(merged.body()).isEqualTo("Texte.\n\nSuite.");
    }
  }

  @Test
  void sameTextSeenAgainIsNotAnUpdate() {
    Candidate early = candidate(T1100, "a.xml", "Texte.", List.of("Presse"), "https://img/1.webp", null);
    Candidate late = candidate(T1700, "b.xml", "Texte.", List.of("Presse"), "https://img/2.webp", null);

    VersionMerger.Merged merged = VersionMerger.merge(null, List.of(late, early), PARIS);

    assertThat(merged.article().updated()).isNull();
    assertThat(merged.firstSeen()).isEqualTo(T1100);
    assertThat(merged.article().image()).as("an image change alone is not an edit").isEqualTo("https://img/1.webp");
  }

  @Test
  void truncatedVersionNeverReplacesFullText() {
    Candidate full = candidate(T1100, "full.xml", "Tout le texte.", List.of(), "", null);
    Candidate truncated = withTruncated(candidate(T1700, "public.xml", "Le début.", List.of(), "", null));

    VersionMerger.Merged merged = VersionMerger.merge(null, List.of(truncated, full), PARIS);

    assertThat(merged.body()).isEqualTo("Tout le texte.");
    assertThat(merged.article().truncated()).isFalse();
  }

  @Test
  void archivedVersionMergedAgainWithItsSnapshotsGivesTheSameResult() {
    Candidate early = candidate(T1100, "a.xml", "Texte.", List.of("Presse"), "", null);
    Candidate late = candidate(T1700, "b.xml", "Texte modifié.", List.of("Presse"), "", null);
    VersionMerger.Merged first = VersionMerger.merge(null, List.of(early, late), PARIS);
    ArchivedArticle archived = new ArchivedArticle(first.article(), first.body(), first.firstSeen(), first.fingerprint());

    VersionMerger.Merged again = VersionMerger.merge(archived, List.of(late, early), PARIS);
    VersionMerger.Merged onlyOld = VersionMerger.merge(archived, List.of(early), PARIS);

    assertThat(again.result()).isEqualTo(first.result());
    assertThat(onlyOld.result()).as("an older snapshot read later changes nothing").isEqualTo(first.result());
    assertThat(first.alone()).as("the latest version won alone").isSameAs(late);
    assertThat(onlyOld.alone()).as("the archived file won").isNull();
  }

  @Test
  void resultDoesNotDependOnTheOrderOfManyCandidates() {
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(candidate(T1100.plusSeconds(i % 3 * 3600), "f" + i + ".xml", "v" + i % 3, List.of("t" + i), "", null));
    }
    VersionMerger.Merged reference = VersionMerger.merge(null, all, PARIS);

    for (int seed = 0; seed < 20; seed++) {
      List<Candidate> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new java.util.Random(seed));
      assertThat(VersionMerger.merge(null, shuffled, PARIS)).isEqualTo(reference);
    }
  }

  @Test
  void theMergedFingerprintIsThatOfTheMergedText() {
    Candidate one = candidate(T1100, "a.xml", "Texte.", List.of("Presse"), "", null);
    Candidate rss = candidate(T1700, "b.xml", "Texte.\n\nSuite.", List.of("Presse"), "", null);
    Candidate atom = candidate(T1700, "c.atom", "Texte.\n\nSuite.", List.of("Amazon"), "", null);

    // one version: its own fingerprint is reused; two at the same moment: the tags are joined
    for (List<Candidate> candidates : List.of(List.of(one), List.of(one, rss), List.of(rss, atom))) {
      VersionMerger.Merged merged = VersionMerger.merge(null, candidates, PARIS);
      Article m = merged.article();
      Article text =
          new Article(m.file(), m.id(), m.title(), m.subtitle(), m.date(), null, m.authors(), m.tags(), m.link(),
              m.feed(), m.summary(), m.image(), m.truncated(), m.paywall(), m.slug());

      assertThat(merged.fingerprint()).isEqualTo(ArchivedArticle.fingerprint(text, merged.body()));
    }
    assertThat(VersionMerger.merge(null, List.of(rss, atom), PARIS).article().tags()).containsExactly("Presse", "Amazon");
  }

  static Candidate candidate(
      Instant time, String source, String body, List<String> tags, String image, @Nullable OffsetDateTime updated) {
    Article article =
        new Article(Path.of(""), "https://next.ink/?p=222912", "Le Washington Post licencie", "", PUBLISHED, null,
            List.of("Jean Dupont"), tags, "https://next.ink/222912/", "Next", "Résumé.", image, false, 0, "");
    return Candidate.of(time, source, 0, article, body, updated);
  }

  static Candidate withTruncated(Candidate c) {
    Article a = c.article();
    Article t = new Article(a.file(), a.id(), a.title(), a.subtitle(), a.date(), a.updated(), a.authors(), a.tags(),
        a.link(), a.feed(), a.summary(), a.image(), true, 80, a.slug());
    return Candidate.of(c.time(), c.source(), c.line(), t, c.body(), c.feedUpdated());
  }
}
