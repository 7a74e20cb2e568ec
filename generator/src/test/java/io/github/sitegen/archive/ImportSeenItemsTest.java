package io.github.sitegen.archive;

import static io.github.sitegen.archive.ImportHostileTest.atomFeed;
import static io.github.sitegen.archive.ImportHostileTest.feed;
import static io.github.sitegen.archive.ImportHostileTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items an earlier import merged are left out, unparsed, by the next import with the same cache
 * folder ({@link SeenItems}) only when merging them again would change nothing. Each case imports
 * the same snapshots into an archive with a cache folder and into one without any cache, and the
 * two archives must be byte for byte the same after every import.
 */
class ImportSeenItemsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String A = item("a", "Article A", "2026-02-01T08:00:00Z", "<p>Texte A.</p>", "");
  private static final String B = item("b", "Article B", "2026-02-01T09:00:00Z", "<p>Texte B.</p>", "");
  private static final String A2 =
      item("a", "Article A", "2026-02-01T08:00:00Z", "<p>Texte A, corrigé.</p>", "");

  @TempDir Path dir;
  private Path snapshots;
  private Path cached;
  private Path plain;
  private Path cache;

  @BeforeEach
  void folders() throws IOException {
    snapshots = Files.createDirectories(dir.resolve("snapshots"));
    cached = dir.resolve("cached");
    plain = dir.resolve("plain");
    cache = dir.resolve("cache");
  }

  @Test
  void anItemSeenInTheLastSnapshotIsNotParsedAgain() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A + B);
    ArchiveImporter first = importBoth();
    assertThat(first.knownArticles()).isZero();
    Map<String, String> before = files(cached);

    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A + B);
    ArchiveImporter second = importBoth();

    assertThat(second.knownArticles()).isEqualTo(2);
    assertThat(files(cached)).isEqualTo(before);
    assertThat(Files.readString(cache.resolve(SeenItems.FILE))).contains("\ta\t").contains("\tb\t");
  }

  @Test
  void anAtomEntrySeenInTheLastSnapshotIsNotParsedAgainUntilItIsEdited() throws IOException {
    String a = entry("a", "<p>Texte A.</p>");
    String b = entry("b", "<p>Texte B.</p>");
    atom("feed-2026-02-01T1000Z.atom", "2026-02-01T10:00:00Z", a + b);
    assertThat(importBoth().knownArticles()).isZero();

    atom("feed-2026-02-01T1100Z.atom", "2026-02-01T11:00:00Z", a + b);
    assertThat(importBoth().knownArticles()).isEqualTo(2);

    atom("feed-2026-02-01T1200Z.atom", "2026-02-01T12:00:00Z", entry("a", "<p>Texte A, corrigé.</p>") + b);
    assertThat(importBoth().knownArticles()).as("b only").isEqualTo(1);
    assertThat(files(cached).values()).anyMatch(text -> text.contains("Texte A, corrigé."));
  }

  @Test
  void theReportCountsKnownItemsAsUnchanged() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A);
    importBoth();
    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A + B);

    ImportReport report =
        new ArchiveImporter(new ImportOptions(snapshots, cached, PARIS).withCache(cache), p -> {}).run();
    ImportReport whole = new ArchiveImporter(new ImportOptions(snapshots, plain, PARIS), p -> {}).run();

    assertThat(report.snapshots()).isEqualTo(whole.snapshots());
    assertThat(List.of(report.created(), report.updated(), report.unchanged()))
        .containsExactly(1, 0, 1)
        .isEqualTo(List.of(whole.created(), whole.updated(), whole.unchanged()));
  }

  @Test
  void anEditedItemIsMergedAndRememberedInItsNewVersion() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A + B);
    importBoth();
    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A2 + B);
    assertThat(importBoth().knownArticles()).isEqualTo(1);
    snapshot("feed-2026-02-01T1200Z.xml", "2026-02-01T12:00:00Z", A2 + B);
    assertThat(importBoth().knownArticles()).isEqualTo(2);
    // the first text back: an edit again, not a known item
    snapshot("feed-2026-02-01T1300Z.xml", "2026-02-01T13:00:00Z", A + B);
    assertThat(importBoth().knownArticles()).isEqualTo(1);
  }

  @Test
  void aFileRestoredToAnOlderVersionIsMergedAgain() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A);
    importBoth();
    Map<String, String> older = files(cached);
    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A2);
    importBoth();
    // a checkout of an older commit of the archive, in both archives
    for (Path archive : List.of(cached, plain)) {
      for (Map.Entry<String, String> f : older.entrySet()) {
        Files.writeString(archive.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
    }

    snapshot("feed-2026-02-01T1200Z.xml", "2026-02-01T12:00:00Z", A2);
    ArchiveImporter third = importBoth();

    assertThat(third.knownArticles()).isZero();
    assertThat(files(cached)).isNotEqualTo(older);
  }

  @Test
  void aDeletedFileIsNotKnown() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A + B);
    importBoth();
    for (Path archive : List.of(cached, plain)) {
      for (Map.Entry<String, String> file : files(archive).entrySet()) {
        if (file.getValue().contains("Texte A")) {
          Files.delete(archive.resolve(file.getKey()));
        }
      }
    }

    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A + B);
    assertThat(importBoth().knownArticles()).isEqualTo(1);
    assertThat(files(cached)).hasSize(2);
  }

  @Test
  void anItemThatWonInATieIsParsedAgain() throws IOException {
    // two files of the same moment, the second tagging the item: the archive holds their join
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A);
    snapshot(
        "feed-2026-02-01T1000Z.zz.xml",
        "2026-02-01T10:00:00Z",
        item("a", "Article A", "2026-02-01T08:00:00Z", "<p>Texte A.</p>", "<category>Édition spéciale</category>"));
    importBoth();
    assertThat(files(cached).values()).anyMatch(text -> text.contains("Édition spéciale"));

    // the untagged item alone: the latest version, which the join does not stand for
    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A);
    assertThat(importBoth().knownArticles()).isZero();
  }

  @Test
  void aKnownItemWithAnotherVersionInTheSameImportIsParsed() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A);
    importBoth();
    // two hours at once: the known item, then an edit of it
    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A);
    snapshot("feed-2026-02-01T1200Z.xml", "2026-02-01T12:00:00Z", A2);
    assertThat(importBoth().knownArticles()).isZero();
    assertThat(files(cached).values()).anyMatch(text -> text.contains("corrigé"));
  }

  @Test
  void anotherZoneReadsEveryItemAgain() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A);
    importBoth();
    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A);

    var utc =
        new ArchiveImporter(
            new ImportOptions(snapshots, dir.resolve("utc"), ZoneId.of("UTC")).withCache(cache), p -> {});
    utc.run();

    assertThat(utc.knownArticles()).isZero();
  }

  @Test
  void aDamagedFileIsIgnored() throws IOException {
    snapshot("feed-2026-02-01T1000Z.xml", "2026-02-01T10:00:00Z", A);
    importBoth();
    Path seen = cache.resolve(SeenItems.FILE);
    String text = Files.readString(seen);
    Files.writeString(seen, text.substring(0, text.length() - 20));

    snapshot("feed-2026-02-01T1100Z.xml", "2026-02-01T11:00:00Z", A);
    assertThat(importBoth().knownArticles()).isZero();
    snapshot("feed-2026-02-01T1200Z.xml", "2026-02-01T12:00:00Z", A);
    assertThat(importBoth().knownArticles()).as("written whole again").isEqualTo(1);
  }

  /** An Atom snapshot file in the snapshots folder; its self link comes after the entries. */
  private void atom(String name, String time, String entries) throws IOException {
    Files.writeString(snapshots.resolve(name), atomFeed(time, entries), StandardCharsets.UTF_8);
  }

  private static String entry(String id, String html) {
    return "<entry><id>urn:" + id + "</id><title>Article " + id + "</title>"
        + "<link href=\"https://atom.test/" + id + "\"/><updated>2026-02-01T08:00:00Z</updated>"
        + "<content type=\"html\"><![CDATA[" + html + "]]></content></entry>\n";
  }

  /** A snapshot file in the snapshots folder. */
  private void snapshot(String name, String time, String items) throws IOException {
    Files.writeString(snapshots.resolve(name), feed(time, items), StandardCharsets.UTF_8);
  }

  /**
   * Imports the snapshots into both archives, checks they are the same with the same problems, and
   * returns the cached import.
   */
  private ArchiveImporter importBoth() throws IOException {
    List<String> problems = new ArrayList<>();
    var importer =
        new ArchiveImporter(
            new ImportOptions(snapshots, cached, PARIS).withCache(cache), p -> problems.add(line(p)));
    importer.run();
    List<String> plainProblems = new ArrayList<>();
    new ArchiveImporter(new ImportOptions(snapshots, plain, PARIS), p -> plainProblems.add(line(p))).run();
    assertThat(files(cached)).isEqualTo(files(plain));
    assertThat(problems).isEqualTo(plainProblems);
    return importer;
  }

  private static String line(Problem p) {
    return p.severity() + " " + Path.of(p.file()).getFileName() + ":" + p.line() + " " + p.message();
  }

  /** The archive's Markdown files by path, with their text (not its bookkeeping files). */
  private static Map<String, String> files(Path archive) throws IOException {
    Map<String, String> files = new TreeMap<>(ArchiveFiles.all(archive));
    files.keySet().removeIf(path -> !path.endsWith(".md"));
    return files;
  }
}
