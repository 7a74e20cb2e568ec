package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged snapshots never cost the archive anything: the Next fixtures are imported, then one
 * damaged copy after another (cut short, bytes flipped, a line dropped or doubled, markup and
 * entity declarations spliced in) arrives as a newer snapshot. Each import must return (a problem
 * names the file, no exception escapes), and every article archived before must still be there and
 * read back without an error, with no temporary file left and no entity expanded into it. The
 * damage is random with fixed seeds.
 */
class ImportFuzzTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String[] SPLICES = {
    "<!DOCTYPE rss [<!ENTITY e \"eeeeeeeeee\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>",
    "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
    "&x;", "<item>", "</item>", "</channel>", "<![CDATA[", "]]>", "\u0000", "\uFFFE", "&#0;",
    "<script>alert(1)</script>", "<title>", "</title>", "<pubDate>hier</pubDate>", "\r",
  };

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void damagedSnapshotsCostTheArchiveNothing(long seed) throws IOException, URISyntaxException {
    Random random = new Random(seed);
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path archive = dir.resolve("articles");
    List<byte[]> sources = new ArrayList<>();
    for (String name : List.of(ImportNextFixturesTest.EARLY, ImportNextFixturesTest.LATE_RSS, ImportNextFixturesTest.LATE_ATOM)) {
      Path fixture = Path.of(Objects.requireNonNull(getClass().getResource("/feed/next/" + name)).toURI());
      Files.copy(fixture, snapshots.resolve(name));
      sources.add(Files.readAllBytes(fixture));
    }
    new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS).withCache(dir.resolve("cache")), p -> {}).run();
    Set<String> archived = articles(archive);
    assertThat(archived).isNotEmpty();

    for (int round = 0; round < 12; round++) {
      byte[] damaged = damage(sources.get(random.nextInt(sources.size())), random);
      // named after a later time than the fixtures: a newer snapshot
      String name = String.format("next-2026-02-06T%02d00.xml", round);
      Files.write(snapshots.resolve(name), damaged);
      List<Problem> problems = new ArrayList<>();
      new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS).withCache(dir.resolve("cache")), problems::add)
          .run();

      String what = "seed " + seed + ", round " + round;
      assertThat(articles(archive)).as(what + ": nothing archived is lost").containsAll(archived);
      List<Problem> readBack = new ArrayList<>();
      new ArchiveReader().readAll(archive, PARIS, readBack::add);
      assertThat(readBack)
          .as(what + ": every archived file reads back")
          .noneMatch(p -> p.severity() == Problem.Severity.ERROR);
      assertThat(problems)
          .as(what + ": problems name their file")
          .allMatch(p -> p.file().contains("next-") || p.file().startsWith(archive.toString()));
      for (String file : articles(archive)) {
        assertThat(Files.readString(archive.resolve(file)))
            .as(what + ": no external entity read into " + file)
            .doesNotContain("root:x:0:0")
            .doesNotContain("eeeeeeeeeeeeeeeeeeee");
      }
      try (Stream<Path> walk = Files.walk(archive)) {
        assertThat(walk.map(p -> p.getFileName().toString()))
            .as(what + ": no temporary file left")
            .noneMatch(n -> n.endsWith(".tmp") || n.startsWith(".site-gen-tmp"));
      }
      archived = articles(archive);
    }
  }

  /** One to three damages of the bytes of a snapshot. */
  private static byte[] damage(byte[] source, Random random) {
    byte[] bytes = source.clone();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(5)) {
        case 0 -> bytes = java.util.Arrays.copyOf(bytes, at); // cut short
        case 1 -> {
          for (int k = 0; k < 1 + random.nextInt(8); k++) {
            int p = random.nextInt(bytes.length);
            bytes[p] = (byte) (bytes[p] ^ (1 << random.nextInt(8)));
          }
        }
        case 2 -> bytes = splice(bytes, at, SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8));
        case 3 -> { // a line dropped
          String text = new String(bytes, StandardCharsets.UTF_8);
          List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
          lines.remove(random.nextInt(lines.size()));
          bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }
        default -> { // a line doubled
          String text = new String(bytes, StandardCharsets.UTF_8);
          List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
          int l = random.nextInt(lines.size());
          lines.add(l, lines.get(l));
          bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
    byte[] out = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
    return out;
  }

  /** The archive's Markdown files, by path. */
  private static Set<String> articles(Path archive) throws IOException {
    try (Stream<Path> walk = Files.walk(archive)) {
      return walk.filter(p -> p.toString().endsWith(".md"))
          .map(p -> archive.relativize(p).toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
