package io.github.sitegen.archive;

import static io.github.sitegen.archive.ImportHostileTest.feed;
import static io.github.sitegen.archive.ImportHostileTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.images.ImageOptions;
import io.github.sitegen.images.ImageServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archiveImages}: images downloaded into the archive and recorded in front matter. */
class ImportImagesTest {
  static final byte[] PHOTO = "RIFF\0\0\0\0WEBPVP8 photo".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] LEAD = "\u00ff\u00d8\u00ff lead".getBytes(StandardCharsets.ISO_8859_1);

  @TempDir Path dir;

  private final ImageServer server = newServer();
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  private static ImageServer newServer() {
    try {
      return new ImageServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void downloadsTheImagesUnderContentHashNamesAndRecordsThemInFrontMatter() throws IOException {
    server.serve("/photo", "image/webp", PHOTO).serve("/lead.jpg", "image/jpeg", LEAD);
    snapshot("<p>Texte.</p><p><img src=\"" + server.url("/photo") + "\" alt=\"Photo\"></p>", lead());

    run(true);

    String text = Files.readString(article());
    String photo = "images/" + sha256(PHOTO).substring(0, 2) + "/" + sha256(PHOTO) + ".webp";
    String lead = "images/" + sha256(LEAD).substring(0, 2) + "/" + sha256(LEAD) + ".jpg";
    assertThat(text)
        .contains(
            "images:\n- " + server.url("/lead.jpg") + " " + lead + "\n- " + server.url("/photo") + " "
                + photo + "\n---\n")
        .contains("image: " + server.url("/lead.jpg"))
        .contains("](" + server.url("/photo") + ")"); // the body keeps the original URL
    assertThat(archive().resolve(photo)).hasBinaryContent(PHOTO);
    assertThat(archive().resolve(lead)).hasBinaryContent(LEAD);
    assertThat(problems).isEmpty();
    assertThat(progress).contains("images 2/2");
  }

  @Test
  void aSecondRunMakesNoRequestAndWritesNothing() throws IOException {
    server.serve("/photo", "image/webp", PHOTO).serve("/lead.jpg", "image/jpeg", LEAD);
    snapshot("<p><img src=\"" + server.url("/photo") + "\"></p>", lead());
    run(true);
    Path file = article();
    String before = Files.readString(file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    int requests = server.requests().size();

    ImportReport report = run(true);

    assertThat(server.requests()).hasSize(requests);
    assertThat(report.images()).isEqualTo(new ImportReport.ImageCounts(0, 0, 0));
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(FileTime.fromMillis(0));
    assertThat(report.snapshots()).as("the snapshot was imported before: not read again").isEmpty();
  }

  @Test
  void theArchiveIndexSeesTheImagesTheImportRecorded() throws IOException {
    server.serve("/photo", "image/webp", PHOTO);
    snapshot("<p><img src=\"" + server.url("/photo") + "\"></p>", "");
    run(false);
    Files.setLastModifiedTime(article(), FileTime.fromMillis(0));
    Path cache = dir.resolve("cache");
    new ArchiveReader().list(archive(), ZoneOffset.UTC, problems::add, cache); // a warm index

    run(new ImportOptions(dir.resolve("snapshots"), archive(), ZoneOffset.UTC)
        .withImages(true, ImageOptions.defaults().withPrivateHosts(true))
        .withCache(cache));
    Files.setLastModifiedTime(article(), FileTime.fromMillis(1000)); // old enough to be cached
    ArchiveReader.Listing first = new ArchiveReader().list(archive(), ZoneOffset.UTC, problems::add, cache);
    ArchiveReader.Listing second = new ArchiveReader().list(archive(), ZoneOffset.UTC, problems::add, cache);

    ArchiveReader.Listing expected = new ArchiveReader().list(archive(), ZoneOffset.UTC, problems::add);
    assertThat(expected.images()).containsOnlyKeys(server.url("/photo"));
    assertThat(first).isEqualTo(expected);
    assertThat(second).isEqualTo(expected);
    assertThat(problems).isEmpty();
  }

  @Test
  void theImagesKeyIsNotPartOfTheFingerprint() throws IOException {
    server.serve("/photo", "image/webp", PHOTO);
    snapshot("<p><img src=\"" + server.url("/photo") + "\"></p>", "");
    run(false);
    String hashLine = Files.readString(article()).lines().filter(l -> l.startsWith("hash:")).findFirst().orElseThrow();

    run(true);

    assertThat(Files.readString(article())).contains(hashLine + "\nimages:");
  }

  @Test
  void eachFailureIsReportedWithTheFileAndTheUrlAndTheRestGoesOn() throws IOException {
    server.serve("/photo", "image/webp", PHOTO)
        .serve("/page", "text/html", "<html>".getBytes(StandardCharsets.UTF_8))
        .status("/gone", 404);
    snapshot(
        "<p><img src=\"" + server.url("/page") + "\"><img src=\"" + server.url("/gone") + "\"><img src=\""
            + server.url("/photo") + "\"></p>",
        "");

    ImportReport report = run(true);

    Path file = article();
    assertThat(report.images()).isEqualTo(new ImportReport.ImageCounts(1, 2, 1));
    assertThat(report.summary())
        .contains("problems; images: 1 downloaded, 2 failed, 1 articles updated in ");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            // in the article's order
            file + ": image \"" + server.url("/page") + "\": expected an image, found text/html",
            file + ": image \"" + server.url("/gone") + "\": expected HTTP 200, found 404");
    assertThat(Files.readString(file)).contains("images:\n- " + server.url("/photo") + " images/");
  }

  @Test
  void aPrivateHostIsRefusedUnlessAllowed() throws IOException {
    server.serve("/photo", "image/webp", PHOTO);
    snapshot("<p><img src=\"" + server.url("/photo") + "\"></p>", "");

    run(ImageOptions.defaults());

    assertThat(server.requests()).isEmpty();
    assertThat(problems).extracting(Problem::message).singleElement().asString()
        .contains("refused: host \"127.0.0.1\" is a private or loopback address");
    assertThat(Files.readString(article())).doesNotContain("images:");
  }

  @Test
  void nothingIsFetchedUnlessAsked() throws IOException {
    server.serve("/photo", "image/webp", PHOTO);
    snapshot("<p><img src=\"" + server.url("/photo") + "\"></p>", "");

    ImportReport report = run(false);

    assertThat(server.requests()).isEmpty();
    assertThat(archive().resolve("images")).doesNotExist();
    assertThat(report.images()).isNull();
    assertThat(report.summary()).doesNotContain("images");
  }

  @Test
  void aHandEditedFileIsNotRewrittenButReported() throws IOException {
    server.serve("/photo", "image/webp", PHOTO);
    snapshot("<p>Texte.</p><p><img src=\"" + server.url("/photo") + "\"></p>", "");
    run(false);
    Path file = article();
    String edited = Files.readString(file).replace("Texte.", "Texte relu.");
    Files.writeString(file, edited);

    run(true);

    assertThat(Files.readString(file)).isEqualTo(edited);
    assertThat(server.requests()).isEmpty();
    assertThat(problems).extracting(Problem::toString).containsExactly(
        file + ": edited by hand since it was imported (or written by hand); its 1 image(s) not yet archived"
            + " are left alone");
  }

  @Test
  void snapshotsReportProgress() throws IOException {
    snapshot("<p>Texte.</p>", "");

    run(false);

    assertThat(progress).containsExactly("snapshots 1/1");
  }

  @Test
  void theReaderListsOnlyWellFormedRecordedImagesWhoseFileIsThere() throws IOException {
    String hash = sha256(PHOTO);
    String photo = "images/" + hash.substring(0, 2) + "/" + hash + ".webp";
    Files.createDirectories(archive().resolve(photo).getParent());
    Files.write(archive().resolve(photo), PHOTO);
    Path file = Files.createDirectories(archive().resolve("2026/02/05")).resolve("x.md");
    Files.writeString(
        file,
        """
        ---
        title: X
        date: 2026-02-05T10:00:00Z
        images:
        - https://a.test/ok.webp %s
        - https://a.test/gone.webp images/00/%s.webp
        - https://a.test/evil.png ../../../etc/passwd
        - https://a.test/evil2.png images/aa/../../%s.webp
        ---

        Texte.
        """
            .formatted(photo, hash, hash));

    var listing = new ArchiveReader().list(archive(), ZoneOffset.UTC, problems::add);

    assertThat(listing.images()).containsExactly(java.util.Map.entry("https://a.test/ok.webp", photo));
    assertThat(listing.articles()).hasSize(1);
  }

  // ---- helpers

  private String lead() {
    return "<enclosure url=\"" + server.url("/lead.jpg") + "\" type=\"image/jpeg\" length=\"1\"/>";
  }

  private ImportReport run(boolean images) throws IOException {
    return images
        ? run(ImageOptions.defaults().withPrivateHosts(true))
        : run(new ImportOptions(dir.resolve("snapshots"), archive(), ZoneOffset.UTC));
  }

  private ImportReport run(ImageOptions images) throws IOException {
    return run(new ImportOptions(dir.resolve("snapshots"), archive(), ZoneOffset.UTC).withImages(true, images));
  }

  private ImportReport run(ImportOptions options) throws IOException {
    Reporter reporter =
        new Reporter() {
          @Override
          public void problem(Problem problem) {
            problems.add(problem);
          }

          @Override
          public void progress(String what, long done, long total) {
            synchronized (progress) {
              progress.add(what + " " + done + "/" + total);
            }
          }
        };
    return new ArchiveImporter(options, reporter).run();
  }

  private Path archive() {
    return dir.resolve("articles");
  }

  private Path article() throws IOException {
    try (Stream<Path> walk = Files.walk(archive())) {
      return walk.filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow();
    }
  }

  private void snapshot(String html, String extra) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("a.xml"),
        feed("2026-02-05T10:00:00Z", item("1", "Article", "2026-02-05T09:00:00Z", html, extra)));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
