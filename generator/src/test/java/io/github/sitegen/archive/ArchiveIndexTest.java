package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The archive index gives what reading the archive gives, reading only what changed. */
class ArchiveIndexTest {
  /** Long before any test runs: files this old are cached (recent ones are not, see RACY_SECONDS). */
  static final FileTime PAST = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));

  static final String RICH =
      """
      ---
      title: "Apple M4 : le test"
      subtitle: "Matériel"
      date: 2024-03-05T10:45:00+01:00
      date_from: snapshot
      updated: 2024-03-06T08:00:00+01:00
      authors: ["Jean Dupont", "Marie Curie"]
      tags: ["apple", "processeurs"]
      link: https://next.ink/12345/apple-m4
      id: https://next.ink/?p=12345
      feed: Next
      summary: "Un résumé, avec des « guillemets »."
      image: https://next.ink/img/m4.webp
      truncated: true
      paywall: 80
      slug: apple-m4-le-test
      snapshot: 2024-03-05T11:00:00.5+01:00
      hash: 0123456789abcdef0123456789abcdef
      images: ["https://next.ink/img/m4.webp images/ab/ab0123456789abcdef0123456789abcd.webp"]
      ---

      Le corps, en **Markdown**.
      """;

  @TempDir Path dir;
  Path archive;
  Path cache;
  final List<Problem> problems = new ArrayList<>();

  @BeforeEach
  void archive() throws IOException {
    archive = dir.resolve("articles");
    cache = dir.resolve("cache");
    write("2024/03/05/apple-m4-le-test.md", RICH);
    write("2024/03/05/autre.md", article("Autre", "2024-03-05T12:00:00Z", "Texte A."));
    write("2023/12/31/main.md", "---\ntitle: Écrit à la main\ndate: 2023-12-31\n---\nBonne année.\n");
    write("README.md", "# Pas un article\n");
    write(".drafts/brouillon.md", article("Brouillon", "2024-01-01T00:00:00Z", "Caché."));
    write("2024/.old/ancien.md", article("Ancien", "2024-01-01T00:00:00Z", "Caché aussi."));
    write("2024/03/.note.md", article("Note", "2024-03-01T00:00:00Z", "Cachée."));
  }

  @Test
  void aWarmIndexReadsNoFileAndGivesWhatReadingGives() throws IOException {
    scan();

    ArchiveIndex.Scan warm = scan();

    assertThat(warm.read()).isZero();
    assertThat(listing(warm)).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(warm.articles()).hasSize(3);
  }

  @Test
  void everyFieldSurvivesTheCacheFile() throws IOException {
    ArchiveIndex.Scan cold = scan();

    ArchiveIndex.Scan warm = scan();

    assertThat(warm.read()).isZero();
    assertThat(warm.articles()).isEqualTo(cold.articles());
    assertThat(warm.fingerprints()).isEqualTo(cold.fingerprints()).hasSize(3);
    Path rich = archive.resolve("2024/03/05/apple-m4-le-test.md");
    ArchivedArticle full = ArchiveReader.readOne(archive, rich, ZoneOffset.UTC, problems::add, true);
    assertThat(warm.fingerprints()).containsEntry(rich, full.fingerprint());
  }

  @Test
  void readGivesTheFingerprintOfEveryArticleFromTheCache() throws IOException {
    new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add);
    Path rich = archive.resolve("2024/03/05/apple-m4-le-test.md");

    ArchiveIndex.Contents contents = new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add);

    assertThat(contents.listing()).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(contents.fingerprints()).hasSize(3).containsEntry(rich,
        ArchiveReader.readOne(archive, rich, ZoneOffset.UTC, problems::add, true).fingerprint());
  }

  interface Change {
    void apply(Path archive) throws IOException;
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        change("an edit keeping the size", 1, a -> edit(a.resolve("2024/03/05/autre.md"), "Texte A.", "Texte B.")),
        change("an edit changing the size", 1, a -> edit(a.resolve("2024/03/05/autre.md"), "Texte A.", "Texte plus long.")),
        change("a title edit", 1, a -> edit(a.resolve("2024/03/05/autre.md"), "title: Autre", "title: Encore")),
        change("a new file", 1, a -> {
          Path f = Files.createDirectories(a.resolve("2024/04/01")).resolve("neuf.md");
          Files.writeString(f, article("Neuf", "2024-04-01T09:00:00Z", "Nouveau."));
          Files.setLastModifiedTime(f, PAST);
        }),
        change("a deleted file", 0, a -> Files.delete(a.resolve("2024/03/05/autre.md"))),
        change("a renamed file", 1, a -> Files.move(a.resolve("2024/03/05/autre.md"), a.resolve("2024/03/05/renomme.md"))),
        change("a README given front matter", 1, a -> edit(a.resolve("README.md"), "# Pas", "---\ntitle: Lisez-moi\ndate: 2024-02-02\n---\n# Pas")),
        // a new time alone (what a git checkout gives every file): the bytes are checked, not parsed
        change("a touched file", 0, a -> Files.setLastModifiedTime(a.resolve("2023/12/31/main.md"), FileTime.from(Instant.parse("2024-06-01T00:00:00Z")))),
        change("every file touched", 0, a -> {
          try (Stream<Path> files = Files.walk(a)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
              Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
            }
          }
        }));
  }

  private static Arguments change(String name, int read, Change change) {
    return Arguments.of(Named.of(name, change), read);
  }

  /** Replaces text and gives the file a new time, still in the past. */
  private static void edit(Path file, String from, String to) throws IOException {
    Files.writeString(file, Files.readString(file).replace(from, to));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void onlyChangedFilesAreReadAgain(Change change, int read) throws IOException {
    scan();
    change.apply(archive);

    ArchiveIndex.Scan next = scan();

    assertThat(next.read()).isEqualTo(read);
    assertThat(listing(next)).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(scan().read()).isZero();
    // the entries kept were copied from the file loaded, the others encoded: the same bytes as an
    // index made from nothing, which encodes them all
    byte[] kept = Files.readAllBytes(cache.resolve(ArchiveIndex.FILE_NAME));
    Files.delete(cache.resolve(ArchiveIndex.FILE_NAME));
    assertThat(scan().read()).isPositive();
    assertThat(Files.readAllBytes(cache.resolve(ArchiveIndex.FILE_NAME))).isEqualTo(kept);
  }

  /**
   * A build first checks the archive against its last one, walking it; when the archive changed,
   * the index reads it from that walk: what a read with a walk of its own gives, the same index
   * file.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aReadFromTheCheckWalkGivesWhatAReadWithItsOwnWalkGives(Change change, int read)
      throws IOException {
    ArchiveIndex.Contents before = new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add);
    change.apply(archive);
    Path otherCache = dir.resolve("other-cache");
    copyTree(cache, otherCache);

    ArchiveIndex.Check check = ArchiveIndex.check(archive, before.files(), true);
    ArchiveIndex.Contents fromCheck =
        new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add, check.walk());
    ArchiveIndex.Contents walked =
        new ArchiveIndex(otherCache).read(archive, ZoneOffset.UTC, problems::add);

    assertThat(fromCheck).isEqualTo(walked);
    assertThat(fromCheck.listing()).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(Files.readAllBytes(cache.resolve(ArchiveIndex.FILE_NAME)))
        .isEqualTo(Files.readAllBytes(otherCache.resolve(ArchiveIndex.FILE_NAME)));
    // the check says unchanged exactly when every file kept its path and bytes
    assertThat(check.files() != null).isEqualTo(sameBytes(before.files(), walked.files()));
    assertThat(problems).isEmpty();
  }

  @Test
  void aReadFromTheCheckWalkDoesNotWalkAgain() throws IOException {
    ArchiveIndex.Contents before = new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add);
    edit(archive.resolve("2024/03/05/autre.md"), "Texte A.", "Texte B.");
    ArchiveIndex.Check check = ArchiveIndex.check(archive, before.files(), true);
    Path later = Files.createDirectories(archive.resolve("2024/04/01")).resolve("plus-tard.md");
    Files.writeString(later, article("Plus tard", "2024-04-01T09:00:00Z", "Après le contrôle."));

    ArchiveIndex.Contents contents =
        new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add, check.walk());

    // the archive as the check found it: the file written since is for the next build
    assertThat(contents.listing().articles()).hasSize(3)
        .noneMatch(a -> a.file().equals(later));
    assertThat(new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add).listing())
        .isEqualTo(uncached(ZoneOffset.UTC));
  }

  /**
   * The check tells a caller as soon as its walk meets a new file or one of another size (work
   * only an unchanged archive needs, such as checking the site's files, then stops), but not for
   * a file whose time alone changed (a checkout): that one is told by its bytes after the walk.
   */
  @Test
  void theCheckTellsANewOrResizedFileWhileItWalks() throws IOException {
    List<ArchiveIndex.FileStamp> files =
        new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add).files();
    var told = new java.util.concurrent.atomic.AtomicInteger();

    assertThat(ArchiveIndex.check(archive, files, true, told::incrementAndGet).files()).isNotNull();
    Files.setLastModifiedTime(
        archive.resolve("2023/12/31/main.md"), FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
    assertThat(ArchiveIndex.check(archive, files, true, told::incrementAndGet).files()).isNotNull();
    assertThat(told).hasValue(0);

    edit(archive.resolve("2024/03/05/autre.md"), "Texte A.", "Texte plus long.");
    Files.writeString(archive.resolve("2024/03/05/neuf.md"), article("Neuf", "2024-03-05T13:00:00Z", "Neuf."));
    assertThat(ArchiveIndex.check(archive, files, true, told::incrementAndGet).files()).isNull();
    assertThat(told).as("once per check").hasValue(1);
  }

  @Test
  void aWalkOfAnotherFolderIsNotReadFrom() throws IOException {
    ArchiveIndex.Contents before = new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add);
    Path other = dir.resolve("other");
    copyTree(archive, other);
    Files.delete(other.resolve("2024/03/05/autre.md"));
    ArchiveIndex.Check ofOther = ArchiveIndex.check(other, before.files(), false);
    assertThat(ofOther.files()).isNull();

    ArchiveIndex.Contents contents =
        new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problems::add, ofOther.walk());

    assertThat(contents.listing()).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(contents.files()).isEqualTo(before.files());
  }

  private static boolean sameBytes(
      @org.jspecify.annotations.Nullable List<ArchiveIndex.FileStamp> a,
      @org.jspecify.annotations.Nullable List<ArchiveIndex.FileStamp> b) {
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ArchiveIndex.FileStamp x = a.get(i);
      ArchiveIndex.FileStamp y = b.get(i);
      if (!x.path().equals(y.path()) || x.size() != y.size() || x.check() != y.check()) {
        return false;
      }
    }
    return true;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path copy = to.resolve(from.relativize(f).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(f, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  static Stream<Arguments> damages() {
    return Stream.of(
        damage("an empty file", b -> new byte[0]),
        damage("a truncated file", b -> java.util.Arrays.copyOf(b, b.length / 2)),
        damage("one byte changed", b -> {
          byte[] c = b.clone();
          c[c.length / 2] ^= 0x20;
          return c;
        }),
        damage("garbage", b -> "not an index at all, just text".getBytes()),
        damage("another format version", b -> withInt(b, 4, ArchiveIndex.FORMAT_VERSION + 1)),
        damage("a huge string length", b -> withInt(b, 8, Integer.MAX_VALUE)),
        damage("a negative string length", b -> withInt(b, 8, -1)));
  }

  interface Damage {
    byte[] apply(byte[] bytes);
  }

  private static Arguments damage(String name, Damage damage) {
    return Arguments.of(Named.of(name, damage));
  }

  /** The bytes with an int replaced and the checksum made right again: only the content is wrong. */
  private static byte[] withInt(byte[] bytes, int at, int value) {
    ByteBuffer b = ByteBuffer.wrap(bytes.clone());
    b.putInt(at, value);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, bytes.length - 8);
    b.putLong(bytes.length - 8, crc.getValue());
    return b.array();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedCacheIsIgnoredAndRebuilt(Damage damage) throws IOException {
    scan();
    Path file = new ArchiveIndex(cache).file();
    Files.write(file, damage.apply(Files.readAllBytes(file)));

    ArchiveIndex.Scan next = scan();

    assertThat(next.read()).isEqualTo(4); // every *.md file but the hidden one
    assertThat(listing(next)).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(scan().read()).isZero();
    assertThat(problems).isEmpty();
  }

  @Test
  void aCacheOfAnotherZoneIsIgnored() throws IOException {
    scan();
    ZoneId paris = ZoneId.of("Europe/Paris");

    ArchiveIndex.Scan next = new ArchiveIndex(cache).scan(archive, paris, problems::add, false, null);

    assertThat(next.read()).isEqualTo(4);
    // the hand-written date without an offset is read in the zone asked for
    assertThat(listing(next)).isEqualTo(uncached(paris));
  }

  /**
   * A project moved or copied with its cache folder (a CI workspace under another name): the
   * entries are checked against the bytes, not trusted by time, so a file of another archive with
   * the cached size and time but other bytes is read.
   */
  @Test
  void aCacheOfAnotherArchiveFolderIsCheckedFileByFile() throws IOException {
    scan();
    Path other = dir.resolve("other");
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path copy = other.resolve(archive.relativize(f).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(f, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Path autre = other.resolve("2024/03/05/autre.md");
    Files.writeString(autre, Files.readString(autre).replace("Texte A.", "Texte Z."));
    Files.setLastModifiedTime(autre, Files.getLastModifiedTime(archive.resolve("2024/03/05/autre.md")));

    ArchiveIndex index = new ArchiveIndex(cache);
    ArchiveIndex.Scan moved = index.scan(other, ZoneOffset.UTC, problems::add, false, null);
    index.save(moved);

    assertThat(moved.read()).isEqualTo(1);
    assertThat(listing(moved)).isEqualTo(new ArchiveReader().list(other, ZoneOffset.UTC, problems::add));
    // saved for the new folder: trusted by time again
    assertThat(index.scan(other, ZoneOffset.UTC, problems::add, false, null).read()).isZero();
  }

  @Test
  void aBadFileIsReportedOnEveryRunAsWithoutCache() throws IOException {
    write("2024/03/06/mauvais.md", "---\ntitle: Mauvais\ndate: hier\n---\nTexte.\n");
    uncached(ZoneOffset.UTC);
    List<Problem> expected = List.copyOf(problems);
    problems.clear();

    for (int run = 0; run < 3; run++) {
      ArchiveReader.Listing listing =
          new ArchiveReader().list(archive, ZoneOffset.UTC, problems::add, cache);
      assertThat(listing.articles()).hasSize(3);
    }

    assertThat(expected).extracting(Problem::toString).containsExactly(
        archive.resolve("2024/03/06/mauvais.md")
            + ":3: front matter 'date': expected an ISO-8601 date-time, found \"hier\"");
    assertThat(problems).containsExactly(expected.get(0), expected.get(0), expected.get(0));
  }

  @Test
  void aBodyThatIsNotUtf8IsListedAsWithoutCacheButNeverCached() throws IOException {
    Path file = archive.resolve("2024/03/07/latin1.md");
    Files.createDirectories(file.getParent());
    Files.write(file, "---\ntitle: Latin\ndate: 2024-03-07\n---\nd\u00e9j\u00e0\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Files.setLastModifiedTime(file, PAST);

    scan();
    ArchiveIndex.Scan next = scan();

    assertThat(next.read()).isEqualTo(1);
    assertThat(listing(next)).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(problems).isEmpty(); // listing reads the front matter only, as without a cache
  }

  @Test
  void aFileModifiedJustNowIsToldByItsBytesNextTime() throws IOException {
    scan();
    Path file = archive.resolve("2024/03/05/autre.md");
    Files.writeString(file, Files.readString(file).replace("Texte A.", "Texte B."));
    FileTime time = Files.getLastModifiedTime(file);
    ArchiveIndex.Scan first = scan(); // cached without its time: it cannot yet tell a later edit

    // an edit of the same size within the same clock tick: the same time
    Files.writeString(file, Files.readString(file).replace("Texte B.", "Texte C."));
    Files.setLastModifiedTime(file, time);
    ArchiveIndex.Scan next = scan();

    assertThat(next.read()).isEqualTo(1);
    assertThat(next.fingerprints().get(file)).isNotEqualTo(first.fingerprints().get(file));
    assertThat(listing(next)).isEqualTo(uncached(ZoneOffset.UTC));
    assertThat(scan().read()).isZero(); // the same bytes again: checked, not parsed
  }

  @Test
  void listingThroughTheReaderWritesTheCacheFile() throws IOException {
    ArchiveReader.Listing cached = new ArchiveReader().list(archive, ZoneOffset.UTC, problems::add, cache);

    assertThat(new ArchiveIndex(cache).file()).isRegularFile();
    assertThat(cached).isEqualTo(uncached(ZoneOffset.UTC));
  }

  @Test
  void aMissingArchiveIsEmpty() throws IOException {
    ArchiveReader.Listing listing =
        new ArchiveReader().list(dir.resolve("none"), ZoneOffset.UTC, problems::add, cache);

    assertThat(listing.articles()).isEmpty();
  }

  private ArchiveIndex.Scan scan() throws IOException {
    ArchiveIndex index = new ArchiveIndex(cache);
    ArchiveIndex.Scan scan = index.scan(archive, ZoneOffset.UTC, problems::add, false, null);
    index.save(scan);
    return scan;
  }

  private ArchiveReader.Listing listing(ArchiveIndex.Scan scan) {
    return ArchiveReader.listing(archive, scan.articles());
  }

  private ArchiveReader.Listing uncached(ZoneId zone) throws IOException {
    return new ArchiveReader().list(archive, zone, problems::add);
  }

  private void write(String path, String text) throws IOException {
    Path file = archive.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, PAST);
  }

  static String article(String title, String date, String body) {
    return "---\ntitle: " + title + "\ndate: " + date + "\nid: " + title.toLowerCase() + "\n---\n\n" + body + "\n";
  }

  @Test
  void aFilesPathInItsFolderIsWhatRelativizeGives() {
    List<String> roots =
        List.of(".", "content", "./content", "a/b", "/srv/archive", "/home/u/.cache/archive", "..");
    List<String> rests =
        List.of(
            "x.md",
            "2024/05/17/un-article.md",
            "a.b/c.d.md",
            ".site-gen-imported",
            "2024/.hidden/x.md",
            "2024/..x/y.md",
            "d\u00e9j\u00e0/\u00e9t\u00e9.md",
            "x/./y.md",
            "x/../y.md");
    for (String root : roots) {
      for (String rest : rests) {
        Path top = Path.of(root);
        Path file = top.resolve(rest);
        assertThat(ArchiveIndex.relativePath(top, file))
            .as(root + " + " + rest)
            .isEqualTo(top.relativize(file).toString());
      }
    }
    // a file elsewhere (a path one cannot cut off): as relativize says
    assertThat(ArchiveIndex.relativePath(Path.of("content"), Path.of("contents/x.md")))
        .isEqualTo("../contents/x.md");
  }
}
