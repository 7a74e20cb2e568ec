package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The three Next snapshots of 5 February 2026 (see the fixtures' README). */
class FeedReaderNextTest {

  private static final String BREVE = "https://next.ink/?post_type=brief_article&p=222889";
  private static final String WASHINGTON_POST = "https://next.ink/?p=222912";

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void readsTheRssSnapshotAt1700() throws IOException {
    Snapshot snapshot = read("next-2026-02-05T1700.rss.xml");

    assertThat(snapshot.feedTitle()).isEqualTo("Next");
    assertThat(snapshot.feedLink()).isEqualTo("https://next.ink");
    assertThat(snapshot.items()).hasSize(7);
    FeedItem first = snapshot.items().get(0);
    assertThat(first.title())
        .isEqualTo(
            "L’ICE veut multiplier ses sources de données auprès des publicitaires et des Big"
                + " Tech");
    assertThat(first.guid()).isEqualTo("https://next.ink/?p=222958");
    assertThat(first.link())
        .isEqualTo(
            "https://next.ink/222958/lice-veut-multiplier-ses-sources-de-donnees-aupres-des-publicitaires-et-des-big-tech/");
    assertThat(first.categories())
        .containsExactly(
            "Droit",
            "Société numérique",
            "ICE",
            "DHS",
            "données personnelles",
            "publicité",
            "géolocalisation");
    assertThat(first.authors()).containsExactly("Élodie Marchand");
    assertThat(first.image())
        .isEqualTo("https://next.ink/wp-content/uploads/2026/02/ICE-adtech.webp");
    assertThat(first.published().toInstant()).isEqualTo(Instant.parse("2026-02-05T15:20:00Z"));
    assertThat(first.updated()).isNull();
    assertThat(first.summaryHtml()).startsWith("Les services de l’immigration");
    assertThat(first.contentHtml()).startsWith("<p class=\"next-subtitle\">Juste pour voir</p>");
    assertThat(first.baseUri()).isEqualTo(first.link());
    assertThat(problems).isEmpty();
  }

  @Test
  void everyNextItemHasTheFieldsAnArchiveNeeds() throws IOException {
    for (String file :
        List.of(
            "next-2026-02-05T1700.rss.xml",
            "next-2026-02-05T1700.atom.xml",
            "next-2026-02-05T1100.rss.xml")) {
      for (FeedItem item : read(file).items()) {
        assertThat(item.guid()).as(file).startsWith("https://next.ink/?");
        assertThat(item.link()).as(file).startsWith("https://next.ink/");
        assertThat(item.title()).as(file).isNotBlank();
        assertThat(item.published()).as(file).isNotNull();
        assertThat(item.authors()).as(file).hasSize(1);
        assertThat(item.categories()).as(file).isNotEmpty().doesNotHaveDuplicates();
        assertThat(item.summaryHtml()).as(file).isNotBlank();
        assertThat(item.contentHtml()).as(file).startsWith("<p").contains("</p>");
        assertThat(item.image())
            .as(file)
            .startsWith("https://next.ink/wp-content/uploads/2026/02/")
            .endsWith(".webp");
        assertThat(item.baseUri()).as(file).isEqualTo(item.link());
      }
    }
  }

  @Test
  void itemLinesPointAtTheirStartTags() throws IOException {
    for (String file :
        List.of(
            "next-2026-02-05T1700.rss.xml",
            "next-2026-02-05T1700.atom.xml",
            "next-2026-02-05T1100.rss.xml")) {
      List<String> lines = Files.readAllLines(fixture(file), StandardCharsets.UTF_8);

      List<Integer> itemLines = read(file).items().stream().map(FeedItem::line).toList();

      assertThat(itemLines).as(file).isSorted().doesNotHaveDuplicates().allMatch(line -> line > 0);
      assertThat(itemLines)
          .as(file)
          .allSatisfy(line -> assertThat(lines.get(line - 1)).containsPattern("<(item|entry)>"));
    }
  }

  @Test
  void rssAndAtomAt1700DescribeTheSameItems() throws IOException {
    List<FeedItem> rss = read("next-2026-02-05T1700.rss.xml").items();
    List<FeedItem> atom = read("next-2026-02-05T1700.atom.xml").items();

    assertThat(atom)
        .extracting(FeedItem::guid)
        .containsExactlyElementsOf(rss.stream().map(FeedItem::guid).toList());
    for (int i = 0; i < rss.size(); i++) {
      FeedItem r = rss.get(i);
      FeedItem a = atom.get(i);
      assertThat(a.title()).as(r.guid()).isEqualTo(r.title());
      assertThat(a.link()).as(r.guid()).isEqualTo(r.link());
      assertThat(a.published().toInstant()).as(r.guid()).isEqualTo(r.published().toInstant());
      assertThat(a.authors()).as(r.guid()).isEqualTo(r.authors());
      assertThat(a.categories()).as(r.guid()).isEqualTo(r.categories());
      assertThat(a.image()).as(r.guid()).isEqualTo(r.image());
      assertThat(a.summaryHtml()).as(r.guid()).isEqualTo(r.summaryHtml());
      assertThat(a.contentHtml()).as(r.guid()).isEqualTo(r.contentHtml());
    }
  }

  @Test
  void breveGuidIsTheSameInRssAndAtom() throws IOException {
    // RSS writes ?post_type=brief_article&#038;p=222889, Atom ?post_type=brief_article&amp;p=222889
    assertThat(byGuid("next-2026-02-05T1700.rss.xml")).containsKey(BREVE);
    assertThat(byGuid("next-2026-02-05T1700.atom.xml")).containsKey(BREVE);
    assertThat(byGuid("next-2026-02-05T1100.rss.xml")).containsKey(BREVE);
  }

  @Test
  void titlesWrittenWithNumericReferencesEqualTheSameTitlesWrittenAsCharacters()
      throws IOException {
    Map<String, FeedItem> at1100 = byGuid("next-2026-02-05T1100.rss.xml");
    Map<String, FeedItem> at1700 = byGuid("next-2026-02-05T1700.rss.xml");

    FeedItem vps = at1100.get("https://next.ink/?p=222874"); // débits&#8230; in the 11:00 file
    assertThat(vps.title()).endsWith("débits…").isEqualTo(at1700.get(vps.guid()).title());
    assertThat(at1100.get("https://next.ink/?post_type=brief_article&p=222801").title())
        .isEqualTo("☕️ Vos flux RSS, un outil d’archivage sous-estimé"); // d&#8217;archivage
    for (String guid : at1100.keySet()) {
      if (at1700.containsKey(guid)) {
        assertThat(at1100.get(guid).title()).isEqualTo(at1700.get(guid).title());
      }
    }
  }

  @Test
  void datesWithDifferentOffsetsAreTheSameInstant() throws IOException {
    // 11:00 writes +0000, 17:00 writes +0100
    FeedItem at1100 = byGuid("next-2026-02-05T1100.rss.xml").get(BREVE);
    FeedItem at1700 = byGuid("next-2026-02-05T1700.rss.xml").get(BREVE);

    assertThat(at1100.published()).isEqualTo(at1700.published());
    assertThat(at1100.published().toInstant()).isEqualTo(Instant.parse("2026-02-05T07:03:00Z"));
  }

  @Test
  void onlyTheAtomFileTellsThatArticle5WasUpdated() throws IOException {
    FeedItem atom = byGuid("next-2026-02-05T1700.atom.xml").get(WASHINGTON_POST);
    FeedItem rss = byGuid("next-2026-02-05T1700.rss.xml").get(WASHINGTON_POST);

    assertThat(atom.published().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-02-05T10:45:00+01:00").toInstant());
    assertThat(atom.updated().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-02-05T12:02:00+01:00").toInstant());
    assertThat(rss.published().toInstant()).isEqualTo(atom.published().toInstant());
    assertThat(rss.updated()).isNull();
    assertThat(read("next-2026-02-05T1700.atom.xml").items())
        .filteredOn(item -> !item.guid().equals(WASHINGTON_POST))
        .allSatisfy(item -> assertThat(item.updated()).isNull());
  }

  @Test
  void earlierSnapshotHasFiveItemsAndTheEarlyVersionOfArticle5() throws IOException {
    Snapshot at1100 = read("next-2026-02-05T1100.rss.xml");
    FeedItem early = byGuid("next-2026-02-05T1100.rss.xml").get(WASHINGTON_POST);
    FeedItem late = byGuid("next-2026-02-05T1700.rss.xml").get(WASHINGTON_POST);

    assertThat(at1100.items()).hasSize(5);
    assertThat(early.categories()).hasSize(6).doesNotContain("Amazon");
    assertThat(late.categories()).hasSize(7).endsWith("Amazon");
    assertThat(early.contentHtml()).doesNotContain("Caroline O’Donovan");
    assertThat(late.contentHtml()).contains("Caroline O’Donovan");
  }

  @Test
  void atomBaseComesFromTheContentsXmlBase() throws IOException {
    FeedItem first = read("next-2026-02-05T1700.atom.xml").items().get(0);

    assertThat(first.baseUri())
        .isEqualTo(
            "https://next.ink/222958/lice-veut-multiplier-ses-sources-de-donnees-aupres-des-publicitaires-et-des-big-tech/");
  }

  @Test
  void bothFilesAt1700HaveTheSameSnapshotTimeAndTheFileAt1100AnEarlierOne() throws IOException {
    Instant rss1700 = read("next-2026-02-05T1700.rss.xml").time();
    Instant atom1700 = read("next-2026-02-05T1700.atom.xml").time();
    Instant rss1100 = read("next-2026-02-05T1100.rss.xml").time();

    assertThat(rss1700).isEqualTo(atom1700).isEqualTo(Instant.parse("2026-02-05T15:20:00Z"));
    assertThat(rss1100).isBefore(rss1700).isEqualTo(Instant.parse("2026-02-05T09:45:00Z"));
  }

  @Test
  void oneReaderServesManyThreadsAtOnce() throws IOException {
    List<String> files =
        List.of(
            "next-2026-02-05T1700.rss.xml",
            "next-2026-02-05T1700.atom.xml",
            "next-2026-02-05T1100.rss.xml");
    FeedReader reader = new FeedReader();
    List<Snapshot> sequential = new ArrayList<>();
    for (String file : files) {
      sequential.add(reader.read(fixture(file), problems::add));
    }

    List<Snapshot> parallel =
        IntStream.range(0, 30)
            .parallel()
            .mapToObj(i -> readUnchecked(reader, files.get(i % files.size())))
            .toList();

    for (int i = 0; i < parallel.size(); i++) {
      assertThat(parallel.get(i)).isEqualTo(sequential.get(i % files.size()));
    }
  }

  private Snapshot readUnchecked(FeedReader reader, String file) {
    try {
      return reader.read(fixture(file), Reporter.silent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, FeedItem> byGuid(String file) throws IOException {
    return read(file).items().stream()
        .collect(Collectors.toMap(FeedItem::guid, Function.identity()));
  }

  private Snapshot read(String file) throws IOException {
    return new FeedReader().read(fixture(file), problems::add);
  }

  private static Path fixture(String file) {
    try {
      return Path.of(FeedReaderNextTest.class.getResource("/feed/next/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
