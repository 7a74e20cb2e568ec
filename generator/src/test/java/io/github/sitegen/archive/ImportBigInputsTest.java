package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.feed.FeedReader;
import io.github.sitegen.feed.Snapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big inputs, generated on the fly: a 50 MB item, many items in one file. The suite reads 10,000
 * items; reading 100,000 (about 20 s on a slow machine) and importing them (100,000 files written)
 * run with {@code -Dsitegen.bigTests=true}.
 */
class ImportBigInputsTest {

  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void aFiftyMegabyteItemIsCutAndCostsNoOtherItem() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    try (BufferedWriter out = Files.newBufferedWriter(snapshots.resolve("big.xml"), StandardCharsets.UTF_8)) {
      out.write(head());
      out.write("<item><guid>big</guid><title>Énorme</title><pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate>"
          + "<description><![CDATA[");
      String paragraph = "<p>" + "mot ".repeat(254) + "</p>\n"; // 1 KiB
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(paragraph);
      }
      out.write("]]></description></item>\n");
      out.write("<item><guid>small</guid><title>Petit</title><pubDate>Thu, 05 Feb 2026 11:00:00 GMT</pubDate>"
          + "<description>&lt;p&gt;court&lt;/p&gt;</description></item>\n</channel></rss>\n");
    }
    Path archive = dir.resolve("articles");

    ImportReport report =
        new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), problems::add).run();

    assertThat(report.created()).isEqualTo(2);
    assertThat(problems).extracting(Problem::message)
        .containsExactly("item \"Énorme\": content of 50 MB is over the 4 MB limit; only its start is kept");
    assertThat(Files.size(archive.resolve("2026/02/05/enorme.md"))).isBetween(3_000_000L, 4_300_000L);
  }

  @Test
  void aSnapshotOverTheSizeLimitIsAnErrorAndCostsNoOtherSnapshot() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path big = manyItems(snapshots.resolve("big.xml"), 100);
    Path small = manyItems(snapshots.resolve("small.xml"), 1);
    long limit = Files.size(small) + 1;
    Path archive = dir.resolve("articles");
    var options = new ImportOptions(snapshots, archive, ZoneOffset.UTC).withMaxSnapshotBytes(limit);

    ImportReport report = new ArchiveImporter(options, problems::add).run();

    // (read whole, as a feed is, a file of hundreds of megabytes stopped the whole import with
    // an OutOfMemoryError: the other snapshots too)
    assertThat(report.created()).isEqualTo(1);
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            big + ": snapshot skipped: " + Files.size(big) + " bytes, more than the " + limit
                + " a snapshot may have (a feed is rarely more than a few MB; if this one is,"
                + " raise the limit: import --max-snapshot-size, or the maxSnapshotBytes"
                + " parameter)");
    assertThat(problems).extracting(Problem::severity).containsOnly(Problem.Severity.ERROR);
    // not recorded as imported: a run with a higher limit imports it
    problems.clear();
    ImportReport again =
        new ArchiveImporter(options.withMaxSnapshotBytes(Files.size(big)), problems::add).run();
    assertThat(again.created()).isEqualTo(99);
    assertThat(again.alreadyImported()).isEqualTo(1);
    assertThat(problems).isEmpty();
  }

  @Test
  void tenThousandNestedElementsCostNoOtherItem() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    String nested = "<div>".repeat(10_000) + "profond" + "</div>".repeat(10_000);
    Files.writeString(
        snapshots.resolve("nested.xml"),
        head()
            + "<item><guid>deep</guid><title>Profond</title><pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate>"
            + "<description><![CDATA[" + nested + "]]></description></item>\n"
            + "<item><guid>flat</guid><title>Plat</title><pubDate>Thu, 05 Feb 2026 11:00:00 GMT</pubDate>"
            + "<description>plat</description></item>\n</channel></rss>\n");
    Path archive = dir.resolve("articles");

    new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), problems::add).run();

    assertThat(archive.resolve("2026/02/05/plat.md")).isRegularFile();
    assertThat(archive.resolve("2026/02/05/profond.md")).content().contains("profond");
  }

  @Test
  void readsTenThousandItems() throws IOException {
    Path feed = manyItems(dir.resolve("many.xml"), 10_000);

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).hasSize(10_000);
    assertThat(problems).isEmpty();
  }

  @Test
  @EnabledIfSystemProperty(named = "sitegen.bigTests", matches = "true")
  void readsAHundredThousandItems() throws IOException {
    Path feed = manyItems(dir.resolve("many.xml"), 100_000);

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).hasSize(100_000);
    assertThat(problems).isEmpty();
  }

  @Test
  @EnabledIfSystemProperty(named = "sitegen.bigTests", matches = "true")
  void importsAHundredThousandItems() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    manyItems(snapshots.resolve("many.xml"), 100_000);

    ImportReport report =
        new ArchiveImporter(new ImportOptions(snapshots, dir.resolve("articles"), ZoneOffset.UTC), problems::add).run();

    assertThat(report.created()).isEqualTo(100_000);
  }

  private static Path manyItems(Path file, int count) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(head());
      for (int i = 0; i < count; i++) {
        out.write("<item><guid>id-" + i + "</guid><title>Article " + i + "</title>"
            + "<pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate><description>Texte " + i + "</description></item>\n");
      }
      out.write("</channel></rss>\n");
    }
    return file;
  }

  private static String head() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big</title>"
        + "<link>https://big.test/</link><description>d</description>"
        + "<lastBuildDate>Thu, 05 Feb 2026 17:00:00 GMT</lastBuildDate>\n";
  }
}
