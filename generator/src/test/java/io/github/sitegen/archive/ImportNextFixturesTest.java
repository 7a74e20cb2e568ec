package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Golden;
import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases of the Next fixtures' README, through the whole import. */
class ImportNextFixturesTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String EARLY = "next-2026-02-05T1100.rss.xml";
  static final String LATE_RSS = "next-2026-02-05T1700.rss.xml";
  static final String LATE_ATOM = "next-2026-02-05T1700.atom.xml";

  @TempDir Path work;
  final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
  final Reporter reporter = problems::add;

  @BeforeEach
  void noProblemsYet() {
    problems.clear();
  }

  @Test
  void threeSnapshotsGiveNineArticles() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS, LATE_ATOM);

    Map<String, String> files = tree(archive);
    assertThat(problems).isEmpty();
    assertThat(files).hasSize(9);
    assertThat(files.keySet().stream().filter(p -> p.startsWith("2026/02/05/"))).hasSize(7);
    assertThat(files.keySet().stream().filter(p -> p.startsWith("2026/02/04/"))).hasSize(2);
    assertThat(files)
        .containsKey("2026/02/05/mistral-sort-des-modeles-pour-de-la-traduction-vocale-vers-le-texte-instantanee.md")
        .containsKey("2026/02/04/vos-flux-rss-un-outil-d-archivage-sous-estime.md");
  }

  @Test
  void updatedArticleKeepsItsFinalVersionAndTheAtomUpdateDate() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS, LATE_ATOM);

    Article wapo = article(archive, "https://next.ink/?p=222912");
    String body = new ArchiveReader().body(wapo);
    assertThat(body).contains("Caroline O’Donovan");
    assertThat(wapo.tags()).contains("Amazon").hasSize(7);
    assertThat(wapo.updated()).isEqualTo(OffsetDateTime.parse("2026-02-05T12:02:00+01:00"));
    Golden.assertMatches(Files.readString(wapo.file()), "archive/washington-post.md");
  }

  @Test
  void withoutAtomTheEditIsDatedByTheSnapshotThatShowedIt() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS);

    Article wapo = article(archive, "https://next.ink/?p=222912");
    assertThat(wapo.updated()).isEqualTo(OffsetDateTime.parse("2026-02-05T16:20:00+01:00"));
    assertThat(new ArchiveReader().body(wapo)).contains("Caroline O’Donovan");
  }

  @Test
  void paywalledArticlesAreMarkedTruncated() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS, LATE_ATOM);

    assertThat(new ArchiveReader().read(archive, PARIS, reporter))
        .filteredOn(Article::truncated)
        .extracting(Article::id, Article::paywall)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("https://next.ink/?p=222905", 80),
            org.assertj.core.groups.Tuple.tuple("https://next.ink/?p=222874", 72),
            org.assertj.core.groups.Tuple.tuple("https://next.ink/?p=222780", 65));
  }

  @Test
  void kickerGoesToFrontMatterAndTheTitleIsNotRepeated() throws IOException {
    Path archive = importInOneRun(LATE_RSS);

    Article ice = article(archive, "https://next.ink/?p=222958");
    String body = new ArchiveReader().body(ice);
    assertThat(ice.subtitle()).isEqualTo("Juste pour voir");
    assertThat(body).startsWith("**Les services de l’immigration").doesNotContain("# L’ICE");
    assertThat(ice.date()).isEqualTo(OffsetDateTime.parse("2026-02-05T16:20:00+01:00"));
    assertThat(ice.authors()).containsExactly("Élodie Marchand");
  }

  @Test
  void secondImportWritesNothing() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS, LATE_ATOM);
    Map<String, String> before = tree(archive);
    setAllMtimes(archive, FileTime.fromMillis(0));

    ImportReport again = new ArchiveImporter(new ImportOptions(work.resolve("snapshots"), archive, PARIS), reporter).run();

    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.snapshots()).as("snapshots imported before are not read again").isEmpty();
    assertThat(tree(archive)).isEqualTo(before);
    try (Stream<Path> files = Files.walk(archive)) {
      assertThat(files.filter(p -> p.toString().endsWith(".md")))
          .allSatisfy(p -> assertThat(Files.getLastModifiedTime(p).toMillis()).isZero());
    }
  }

  @Test
  void withoutTheImportRecordEverySnapshotIsReadAgainAndNothingChanges() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS, LATE_ATOM);
    Map<String, String> before = tree(archive);
    Files.delete(archive.resolve(ImportedSnapshots.FILE));

    ImportReport again = new ArchiveImporter(new ImportOptions(work.resolve("snapshots"), archive, PARIS), reporter).run();

    assertThat(again.snapshots()).hasSize(3);
    assertThat(again.unchanged()).isEqualTo(9);
    assertThat(again.created() + again.updated()).isZero();
    assertThat(tree(archive)).isEqualTo(before);
    assertThat(archive.resolve(ImportedSnapshots.FILE)).exists();
  }

  /**
   * The record is committed with the archive, so a merge can leave conflict markers in it, and a
   * bad copy other bytes: a line that is not a hash is dropped (its snapshot, if any, is read again
   * and changes nothing), never an error that would stop every import.
   */
  @Test
  void aDamagedImportRecordCostsOnlyTheSnapshotsOfItsDamagedLines() throws IOException {
    Path archive = importInOneRun(EARLY, LATE_RSS, LATE_ATOM);
    Map<String, String> before = tree(archive);
    Path record = archive.resolve(ImportedSnapshots.FILE);
    List<String> hashes = Files.readAllLines(record);
    assertThat(hashes).hasSize(3);
    var damaged = new java.io.ByteArrayOutputStream();
    damaged.writeBytes("<<<<<<< HEAD\n".getBytes(StandardCharsets.US_ASCII));
    damaged.writeBytes((hashes.get(0) + "\n").getBytes(StandardCharsets.US_ASCII));
    damaged.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}); // not UTF-8
    damaged.writeBytes(("=======\n" + hashes.get(1).substring(1) + "\n").getBytes(StandardCharsets.US_ASCII));
    damaged.writeBytes((">>>>>>> other\n" + hashes.get(2) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    Files.write(record, damaged.toByteArray());

    ImportReport again = new ArchiveImporter(new ImportOptions(work.resolve("snapshots"), archive, PARIS), reporter).run();

    assertThat(problems).isEmpty();
    assertThat(again.snapshots()).as("the snapshot of the cut hash").hasSize(1);
    assertThat(again.created() + again.updated()).isZero();
    assertThat(tree(archive)).isEqualTo(before);
    assertThat(Files.readAllLines(record)).containsExactlyElementsOf(hashes); // written clean
  }

  @Test
  void onlyNewSnapshotsAreReadAndTheResultIsTheSameAsReadingAll() throws IOException {
    Map<String, String> allAtOnce = tree(importInOneRun(EARLY, LATE_RSS, LATE_ATOM));
    Path dir = Files.createDirectories(work.resolve("growing"));
    Path archive = work.resolve("incremental");
    for (String name : List.of(LATE_ATOM, EARLY, LATE_RSS)) {
      Files.copy(fixture(name), dir.resolve(name));

      ImportReport report = new ArchiveImporter(new ImportOptions(dir, archive, PARIS), reporter).run();

      assertThat(report.snapshots()).extracting(c -> c.file().getFileName().toString()).containsExactly(name);
    }
    assertThat(tree(archive)).isEqualTo(allAtOnce);
  }

  @Test
  void snapshotOrderAcrossRunsDoesNotChangeAByte() throws IOException {
    Map<String, String> oneRun = tree(importInOneRun(EARLY, LATE_RSS, LATE_ATOM));

    Map<String, String> forward = tree(importRunByRun("forward", EARLY, LATE_RSS, LATE_ATOM));
    Map<String, String> backward = tree(importRunByRun("backward", LATE_ATOM, LATE_RSS, EARLY));
    Map<String, String> atomLast = tree(importRunByRun("atom-last", LATE_RSS, EARLY, LATE_ATOM));

    assertThat(forward).isEqualTo(oneRun);
    assertThat(backward).isEqualTo(oneRun);
    assertThat(atomLast).isEqualTo(oneRun);
  }

  private Path importInOneRun(String... snapshots) throws IOException {
    Path dir = work.resolve("snapshots");
    Files.createDirectories(dir);
    for (String name : snapshots) {
      Files.copy(fixture(name), dir.resolve(name));
    }
    Path archive = work.resolve("articles");
    new ArchiveImporter(new ImportOptions(dir, archive, PARIS), reporter).run();
    return archive;
  }

  /** One import per snapshot, each run seeing only its own snapshot, into the same archive. */
  private Path importRunByRun(String name, String... snapshots) throws IOException {
    Path archive = work.resolve(name);
    for (String snapshot : snapshots) {
      Path dir = Files.createTempDirectory(work, "run");
      Files.copy(fixture(snapshot), dir.resolve(snapshot));
      new ArchiveImporter(new ImportOptions(dir, archive, PARIS), reporter).run();
    }
    assertThat(problems).isEmpty();
    return archive;
  }

  private Article article(Path archive, String id) throws IOException {
    return new ArchiveReader().read(archive, PARIS, reporter).stream()
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article " + id));
  }

  static Path fixture(String name) {
    try {
      return Path.of(ImportNextFixturesTest.class.getResource("/feed/next/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every .md file under the archive, by relative path, with its text. */
  static Map<String, String> tree(Path archive) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(archive)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        files.put(archive.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return files;
  }

  private static void setAllMtimes(Path archive, FileTime time) throws IOException {
    try (Stream<Path> walk = Files.walk(archive)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.setLastModifiedTime(p, time);
      }
    }
  }
}
