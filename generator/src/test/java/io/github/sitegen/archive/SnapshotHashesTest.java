package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotHashesTest {
  private static final FileTime YESTERDAY = FileTime.from(Instant.now().minusSeconds(86_400));

  @TempDir Path dir;

  @Test
  void hashesAreTheFilesSha256WithOrWithoutACache() throws Exception {
    Path a = snapshot("a.xml", "<rss>a</rss>", YESTERDAY);
    Path b = snapshot("b.xml", "<rss>b</rss>", null);

    Map<Path, String> none = hashes(snapshots(), null);
    Map<Path, String> cold = hashes(snapshots(), dir.resolve("cache"));
    Map<Path, String> warm = hashes(snapshots(), dir.resolve("cache"));

    assertThat(none)
        .containsEntry(a, sha256(a))
        .containsEntry(b, sha256(b));
    assertThat(cold).isEqualTo(none);
    assertThat(warm).isEqualTo(none);
  }

  @Test
  void anOldFileWithTheSameSizeAndTimeIsNotHashedAgain() throws Exception {
    Path a = snapshot("a.xml", "<rss>a</rss>", YESTERDAY);
    String first = hashes(snapshots(), dir.resolve("cache")).get(a);
    // same size, same time, other bytes: only the cache can give the old hash back
    snapshot("a.xml", "<rss>z</rss>", YESTERDAY);

    assertThat(hashes(snapshots(), dir.resolve("cache")).get(a)).isEqualTo(first);

    Files.setLastModifiedTime(a, FileTime.from(Instant.now().minusSeconds(3600)));
    assertThat(hashes(snapshots(), dir.resolve("cache")).get(a))
        .isEqualTo(sha256(a))
        .isNotEqualTo(first);
  }

  /** A git checkout gives every file a new time: the bytes are checked, and the hash kept. */
  @Test
  void aFileWhoseTimeAloneChangedKeepsItsRememberedHash() throws Exception {
    Path a = snapshot("a.xml", "<rss>a</rss>", YESTERDAY);
    String real = hashes(snapshots(), dir.resolve("cache")).get(a);
    // a remembered hash only the cache can give back: it is not hashed again
    Path file = dir.resolve("cache").resolve(SnapshotHashes.FILE);
    String forged = "f".repeat(64);
    Files.writeString(file, Files.readString(file).replace(real, forged));
    FileTime checkout = FileTime.from(Instant.now().minusSeconds(60));
    Files.setLastModifiedTime(a, checkout);

    assertThat(hashes(snapshots(), dir.resolve("cache")).get(a)).isEqualTo(forged);
    assertThat(Files.readString(file)).contains(" " + checkout.toMillis() + " ");

    // other bytes of the same size under a new time: hashed again
    snapshot("a.xml", "<rss>z</rss>", FileTime.from(Instant.now().minusSeconds(30)));
    assertThat(hashes(snapshots(), dir.resolve("cache")).get(a))
        .isEqualTo(sha256(a));
  }

  /**
   * The snapshots folder moved or copied with its cache folder (a CI workspace under another name):
   * remembered hashes are kept for files with the same bytes, never trusted by time alone.
   */
  @Test
  void aFolderAtAnotherPathIsCheckedFileByFile() throws Exception {
    Path a = snapshot("a.xml", "<rss>a</rss>", YESTERDAY);
    Path b = snapshot("b.xml", "<rss>b</rss>", YESTERDAY);
    Map<Path, String> real = hashes(snapshots(), dir.resolve("cache"));
    Path file = dir.resolve("cache").resolve(SnapshotHashes.FILE);
    String forged = "e".repeat(64);
    Files.writeString(file, Files.readString(file).replace(real.get(a), forged));
    Path moved = Files.createDirectories(dir.resolve("moved"));
    Path movedA = Files.copy(a, moved.resolve("a.xml"), StandardCopyOption.COPY_ATTRIBUTES);
    // b: other bytes of the same size, with the remembered time
    Path movedB = Files.writeString(moved.resolve("b.xml"), "<rss>B</rss>");
    Files.setLastModifiedTime(movedB, YESTERDAY);

    Map<Path, String> hashes = hashes(moved, dir.resolve("cache"));

    assertThat(hashes.get(movedA)).isEqualTo(forged); // same bytes: remembered, not hashed again
    assertThat(hashes.get(movedB)).isEqualTo(sha256(movedB)).isNotEqualTo(real.get(b));
    assertThat(Files.readString(file)).contains("root " + moved.toAbsolutePath());
  }

  @Test
  void aFileWrittenJustNowIsNeverTakenFromTheCache() throws Exception {
    Path a = snapshot("a.xml", "<rss>a</rss>", null);
    hashes(snapshots(), dir.resolve("cache"));
    FileTime time = Files.getLastModifiedTime(a);
    snapshot("a.xml", "<rss>z</rss>", time);

    assertThat(hashes(snapshots(), dir.resolve("cache")).get(a))
        .isEqualTo(sha256(a));
  }

  @Test
  void aDamagedCacheIsIgnored() throws Exception {
    Path a = snapshot("a.xml", "<rss>a</rss>", YESTERDAY);
    Files.createDirectories(dir.resolve("cache"));
    Files.writeString(
        dir.resolve("cache").resolve(SnapshotHashes.FILE),
        "site-gen snapshot hashes 3\nroot " + snapshots().toAbsolutePath() + "\nnot a line\n");

    assertThat(hashes(snapshots(), dir.resolve("cache")).get(a))
        .isEqualTo(sha256(a));
  }

  @Test
  void theListingTakesSnapshotNamesInSubfoldersAndLinksToFiles() throws Exception {
    Path a = snapshot("2026/a.XML", "<rss>a</rss>", YESTERDAY);
    Path b = snapshot("b.atom", "<feed/>", null);
    Path c = snapshot("c.rss", "<rss>c</rss>", null);
    snapshot("notes.txt", "not a snapshot", null);
    snapshot("xml", "no extension", null);
    Path target = Files.writeString(dir.resolve("elsewhere.xml"), "<rss>linked</rss>");
    Path link = Files.createSymbolicLink(snapshots().resolve("linked.xml"), target);
    Path folder =
        Files.createSymbolicLink(
            snapshots().resolve("folder.xml"), Files.createDirectories(dir.resolve("folder")));
    Path broken = Files.createSymbolicLink(snapshots().resolve("broken.xml"), dir.resolve("missing"));
    Path loop = Files.createSymbolicLink(snapshots().resolve("loop.rss"), snapshots().resolve("loop.rss"));
    Files.createSymbolicLink(snapshots().resolve("notes.md"), dir.resolve("missing")); // no snapshot
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>()); // (parallel looks)

    List<SnapshotHashes.Listed> listed = SnapshotHashes.list(snapshots(), problems::add);

    assertThat(listed).extracting(SnapshotHashes.Listed::path).containsExactly(a, b, c, link);
    assertThat(listed).extracting(SnapshotHashes.Listed::name)
        .containsExactly("2026/a.XML", "b.atom", "c.rss", "linked.xml");
    assertThat(listed.get(0).size()).isEqualTo(12);
    assertThat(listed.get(0).modified()).isEqualTo(YESTERDAY.toMillis());
    assertThat(listed.get(3).size()).as("the linked file's").isEqualTo(17);
    // links with a snapshot's name that lead to no file: said, not silently dropped
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            broken + ": skipped: a link that leads to no file (its target is missing, or links loop)",
            loop + ": skipped: a link that leads to no file (its target is missing, or links loop)",
            folder + ": skipped: a link to a folder, and links to folders are not followed");
    assertThat(problems).extracting(Problem::severity).containsOnly(Problem.Severity.WARNING);
    // a folder given with other components: names relative to it all the same
    assertThat(SnapshotHashes.list(dir.resolve("folder/../snapshots/."), Reporter.silent()))
        .extracting(SnapshotHashes.Listed::name)
        .containsExactly("2026/a.XML", "b.atom", "c.rss", "linked.xml");
    // a folder given as a link (Files.walk listed nothing under one: it does not follow the start)
    Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked-folder"), snapshots());
    assertThat(SnapshotHashes.list(linkedFolder, Reporter.silent()))
        .extracting(SnapshotHashes.Listed::name)
        .containsExactly("2026/a.XML", "b.atom", "c.rss", "linked.xml");
    assertThat(SnapshotHashes.isSnapshotName("feed.Rss")).isTrue();
    assertThat(SnapshotHashes.isSnapshotName("a\nfeed.xml")).isFalse();
  }

  private static Map<Path, String> hashes(Path root, @Nullable Path cache) throws Exception {
    return SnapshotHashes.of(root, SnapshotHashes.list(root, Reporter.silent()), cache);
  }

  /** The SHA-256 of a file's bytes in hex, computed here rather than by the code under test. */
  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private Path snapshots() {
    return dir.resolve("snapshots");
  }

  private Path snapshot(String name, String text, @Nullable FileTime time) throws Exception {
    Path file = dir.resolve("snapshots").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    if (time != null) {
      Files.setLastModifiedTime(file, time);
    }
    return file;
  }
}
