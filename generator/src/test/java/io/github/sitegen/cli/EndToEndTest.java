package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code import} then {@code build} in-process over a small French feed. */
class EndToEndTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void importsSnapshotsThenBuildsAFrenchSite() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    write(snapshots.resolve("carnet-0900.rss.xml"), snapshot("09:00", "Première version."));
    write(snapshots.resolve("carnet-1700.rss.xml"), snapshot("17:00", "Seconde version."));
    Path archive = dir.resolve("articles");
    Path site = dir.resolve("site");

    int imported =
        run(
            "import",
            "--snapshots",
            snapshots.toString(),
            "--archive",
            archive.toString(),
            "--time-zone",
            "Europe/Paris");
    int built =
        run(
            "build",
            "--archive",
            archive.toString(),
            "--out",
            site.toString(),
            "--title",
            "Carnet",
            "--base-url",
            "https://example.org/carnet",
            "--locale",
            "fr-FR",
            "--time-zone",
            "Europe/Paris",
            "--page-size",
            "1");

    assertThat(err.toString()).isEmpty();
    assertThat(imported).isZero();
    assertThat(built).isZero();
    assertThat(out.toString())
        .contains("Imported 2 snapshots: 2 new")
        .contains("Rendered 2 articles");
    assertThat(markdownFiles(archive)).hasSize(2);
    assertThat(archive.resolve("2026/02/05")).isDirectory();
    assertThat(archive.resolve("2026/02/04")).isDirectory();
    assertThat(Files.readString(site.resolve("index.html"))).contains("Carnet");
  }

  @Test
  void buildWithSnapshotsImportsThenBuildsInOneRunAsImportThenBuildDo() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    write(snapshots.resolve("carnet-0900.rss.xml"), snapshot("09:00", "Première version."));
    write(snapshots.resolve("carnet-1700.rss.xml"), snapshot("17:00", "Seconde version."));
    Path twoRuns = dir.resolve("two-runs");
    Path oneRun = dir.resolve("one-run");
    Path cache = dir.resolve("cache");
    String[] site = {"--locale", "fr-FR", "--time-zone", "Europe/Paris"};
    run("import", "--snapshots", snapshots.toString(), "--archive", twoRuns.resolve("articles").toString(),
        "--time-zone", "Europe/Paris");
    run(concat(new String[] {"build", "--archive", twoRuns.resolve("articles").toString(),
        "--out", twoRuns.resolve("site").toString()}, site));
    out.getBuffer().setLength(0);

    int exit =
        run(concat(new String[] {"build", "--snapshots", snapshots.toString(),
            "--archive", oneRun.resolve("articles").toString(), "--out", oneRun.resolve("site").toString(),
            "--cache", cache.toString()}, site));

    assertThat(exit).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("Imported 2 snapshots: 2 new").contains("Rendered 2 articles");
    assertThat(tree(oneRun)).isEqualTo(tree(twoRuns));
    assertThat(cache.resolve("archive-index.bin")).isRegularFile();
  }

  @Test
  void buildWithSnapshotsRefusesBadFoldersBeforeImporting() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    write(snapshots.resolve("carnet-0900.rss.xml"), snapshot("09:00", "Première version."));
    Path archive = dir.resolve("articles");

    int exit =
        run("build", "--snapshots", snapshots.toString(), "--archive", archive.toString(),
            "--out", archive.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("the output folder is the archive folder");
    assertThat(out.toString()).doesNotContain("Imported");
    assertThat(archive).doesNotExist();
  }

  @Test
  void buildWithSnapshotsRefusesAnOutputFolderInTheSnapshots() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    write(snapshots.resolve("carnet-0900.rss.xml"), snapshot("09:00", "Première version."));
    Path archive = dir.resolve("articles");

    for (Path site : List.of(snapshots, snapshots.resolve("site"))) {
      err.getBuffer().setLength(0);
      int exit =
          run("build", "--snapshots", snapshots.toString(), "--archive", archive.toString(),
              "--out", site.toString());

      // its feed.xml and sitemap.xml would be the next import's snapshots
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString())
          .contains(site + ": the output folder is the snapshots folder " + snapshots + " or inside it");
      assertThat(out.toString()).doesNotContain("Imported");
      assertThat(archive).doesNotExist();
    }
    assertThat(snapshots.resolve("site")).doesNotExist();
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  /** Every file under root by relative path, with its bytes as text. */
  private static java.util.Map<String, String> tree(Path root) throws IOException {
    var files = new java.util.TreeMap<String, String>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void aBrokenSnapshotIsReportedOnStandardErrorAndTheRestGoesThrough() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    write(snapshots.resolve("carnet-0900.rss.xml"), snapshot("09:00", "Première version."));
    write(snapshots.resolve("broken.rss.xml"), "<rss version=\"2.0\"><channel><item>");

    int exit =
        run(
            "import",
            "--snapshots",
            snapshots.toString(),
            "--archive",
            dir.resolve("a").toString());

    assertThat(exit).isZero();
    assertThat(err.toString()).contains("broken.rss.xml");
    assertThat(out.toString()).contains("2 new");
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static List<Path> markdownFiles(Path archive) throws IOException {
    try (Stream<Path> walk = Files.walk(archive)) {
      return walk.filter(p -> p.toString().endsWith(".md")).toList();
    }
  }

  /** A two-item French RSS snapshot taken at {@code time}; the first item's text changes. */
  private static String snapshot(String time, String text) {
    return """
           <?xml version="1.0" encoding="UTF-8"?>
           <rss version="2.0">
             <channel>
               <title>Carnet</title>
               <link>https://example.org/carnet/</link>
               <description>Un carnet</description>
               <lastBuildDate>Thu, 05 Feb 2026 %s:00 +0100</lastBuildDate>
               <item>
                 <title>L’été indien à Paris</title>
                 <link>https://example.org/carnet/ete-indien/</link>
                 <guid isPermaLink="false">https://example.org/carnet/?p=2</guid>
                 <pubDate>Thu, 05 Feb 2026 08:30:00 +0100</pubDate>
                 <category>Météo</category>
                 <description><![CDATA[<p>%s</p>]]></description>
               </item>
               <item>
                 <title>Bienvenue</title>
                 <link>https://example.org/carnet/bienvenue/</link>
                 <guid isPermaLink="false">https://example.org/carnet/?p=1</guid>
                 <pubDate>Wed, 04 Feb 2026 10:00:00 +0100</pubDate>
                 <description><![CDATA[<p>Premier billet.</p>]]></description>
               </item>
             </channel>
           </rss>
           """
        .formatted(time, text);
  }
}
