package io.github.sitegen.archive;

import static io.github.sitegen.archive.ImportHostileTest.atomFeed;
import static io.github.sitegen.archive.ImportHostileTest.feed;
import static io.github.sitegen.archive.ImportHostileTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Reporter;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hourly job, run the way {@code build --snapshots} runs it (an import with the cache folder,
 * then a build from what the import handed over, with the build cache), on random sequences of
 * snapshots of one feed: items appear, stay for some hours, are edited (text, title, categories,
 * publication date, a paywalled version and the full text back) and leave; archived files are
 * edited by hand between runs; some hours have two snapshots of the same moment that tag an item differently (tied
 * versions, merged field by field); some hours begin as a CI run does, with a checkout that gives every snapshot and
 * article file a new time while the caches and the site stay (items an earlier hour merged are
 * then taken as known, unparsed, see {@code SeenItems}); some hours find a cache file damaged in
 * place, a few of its bytes changed. After every hour, the archive is byte for byte the one an import without any cache
 * (reading the whole archive) makes from the same snapshots, and the site is byte for byte a clean
 * build of that archive. The seeds are fixed: a failure names its seed and hour.
 */
class HourlyRandomTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String PAYWALL =
      "<p class=\"next-paywall\">Il vous reste 70 % de l'article à lire.</p>";
  private static final String[] CATEGORIES = {"IA", "ia", "Droit", "Sécurité", "Logiciel", "Open data"};

  @TempDir Path dir;

  /** An item as the feed has it now. */
  private record Item(String guid, String title, OffsetDateTime date, String html, List<String> categories) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void theHourlyJobMatchesAnImportWithoutCacheAndACleanBuild(long seed) throws IOException {
    hourlyJob(seed, false);
  }

  /** The same on an Atom feed: its entries are split, remembered and left out as RSS items are. */
  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void theHourlyJobOnAnAtomFeedMatchesAnImportWithoutCacheAndACleanBuild(long seed) throws IOException {
    hourlyJob(seed, true);
  }

  private void hourlyJob(long seed, boolean atom) throws IOException {
    Random random = new Random(seed);
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path archive = Files.createDirectories(dir.resolve("articles"));
    Path cache = dir.resolve("cache");
    Path site = dir.resolve("site");
    Path plainArchive = Files.createDirectories(dir.resolve("plain-articles"));
    Map<String, Item> feed = new LinkedHashMap<>();
    OffsetDateTime hour = OffsetDateTime.of(2026, 1, 30, 20, 0, 0, 0, ZoneOffset.UTC);
    int next = 0;
    boolean handedOver = false;
    boolean skipped = false;
    boolean handEdited = false;
    boolean known = false;
    boolean damaged = false;
    for (int h = 0; h < 8; h++) {
      hour = hour.plusHours(1 + random.nextInt(5));
      // new items, edits, and the oldest ones leaving a feed of at most 10
      int added = random.nextInt(4);
      for (int i = 0; i < added; i++, next++) {
        String guid = "id-" + next;
        feed.put(
            guid,
            new Item(
                guid, "Article " + next + (next % 5 == 0 ? " & co" : ""),
                hour.minusMinutes(random.nextInt(50)), html(next, random), categories(random)));
      }
      List<String> guids = new ArrayList<>(feed.keySet());
      if (!guids.isEmpty() && random.nextBoolean()) {
        Item e = feed.get(guids.get(random.nextInt(guids.size())));
        feed.put(
            e.guid(),
            switch (random.nextInt(5)) {
              case 0 -> new Item(e.guid(), e.title(), e.date(), e.html() + "<p>Mise à jour de " + hour + ".</p>", e.categories());
              case 1 -> new Item(e.guid(), e.title() + " (corrigé)", e.date(), e.html(), e.categories());
              case 2 -> new Item(e.guid(), e.title(), e.date(), e.html(), categories(random));
              // the paywalled version (the feed shows only the start), or the full text back
              case 3 ->
                  new Item(
                      e.guid(), e.title(), e.date(),
                      e.html().contains(PAYWALL)
                          ? e.html().substring(0, e.html().indexOf(PAYWALL)) + "<p>Et la suite, en entier.</p>"
                          : e.html().substring(0, e.html().indexOf("</p>") + 4) + PAYWALL,
                      e.categories());
              // the publisher moves the publication date
              default -> new Item(e.guid(), e.title(), e.date().plusHours(1 + random.nextInt(30)), e.html(), e.categories());
            });
      }
      while (feed.size() > 10) {
        feed.remove(feed.keySet().iterator().next());
      }
      List<Item> newestFirst = new ArrayList<>(feed.values());
      java.util.Collections.reverse(newestFirst);
      String name = "feed-" + hour.toString().replace(":", "");
      Files.writeString(snapshots.resolve(name + ".xml"), snapshot(atom, hour, newestFirst, ""));
      if (!newestFirst.isEmpty() && random.nextInt(4) == 0) {
        // a second snapshot of the same moment (another copy of the feed, say) that tags one
        // item more: the two versions are tied, and merge field by field
        String tagged = newestFirst.get(random.nextInt(newestFirst.size())).guid();
        Files.writeString(snapshots.resolve(name + "-bis.xml"), snapshot(atom, hour, newestFirst, tagged));
      }

      if (h > 0 && random.nextInt(4) == 0 && !contents(archive).isEmpty()) {
        // someone edits an archived article by hand, the same way in both archives: appending a
        // line, or one word for another of the same size
        List<String> archived = new ArrayList<>(contents(archive).keySet());
        String file = archived.get(random.nextInt(archived.size()));
        boolean sameSize = random.nextBoolean();
        for (Path root : List.of(archive, plainArchive)) {
          Path path = root.resolve(file);
          String text = Files.readString(path);
          Files.writeString(
              path,
              !sameSize
                  ? text + "\nUne note ajoutée à la main.\n"
                  : text.contains("Texte de") ? text.replace("Texte de", "TEXTE de") : text.replace("TEXTE de", "Texte de"));
        }
        handEdited = true;
      }
      if (h > 0 && random.nextInt(3) == 0 && Files.isDirectory(cache)) {
        // a cache file damaged in place (a disk, a copy or a restore gone wrong): a few bytes
        // changed, its size and time kept; it may cost work, never a difference
        List<Path> files = files(cache);
        Path file = files.get(random.nextInt(files.size()));
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 0) {
          FileTime time = Files.getLastModifiedTime(file);
          for (int i = 0; i < 1 + random.nextInt(3); i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) (bytes[at] ^ (1 + random.nextInt(255)));
          }
          Files.write(file, bytes);
          Files.setLastModifiedTime(file, time);
          damaged = true;
        }
      }
      if (random.nextInt(3) == 0) {
        // a CI run's checkout: every snapshot and article file gets a new time, the caches stay
        touchAll(snapshots, h);
        touchAll(archive, h);
      }
      // the hourly job, as build --snapshots runs it
      var importer =
          new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS).withCache(cache), p -> {});
      importer.run();
      known |= importer.knownArticles() > 0;
      ArchiveIndex.Contents contents = importer.contents();
      var generator = new SiteGenerator(options(archive, site, cache), Reporter.silent());
      SiteReport report = contents != null ? generator.generate(contents) : generator.generate();
      handedOver |= contents != null;
      skipped |= report.pagesSkipped() > 0;
      // the same snapshots imported without any cache, the whole archive read each time
      new ArchiveImporter(new ImportOptions(snapshots, plainArchive, PARIS), p -> {}).run();

      String what = "seed " + seed + ", hour " + h + " (" + hour + ")";
      assertThat(contents(archive)).as(what + ": archive").isEqualTo(contents(plainArchive));
      Path clean = Files.createTempDirectory(dir, "clean");
      new SiteGenerator(options(archive, clean, null), Reporter.silent()).generate();
      assertSame(contents(site), contents(clean), what + ": site");
    }
    if (!handEdited) {
      // the same snapshots imported at once: the same archive (a new article is named after its
      // first version, as the hourly import that first saw it named it)
      Path once = Files.createDirectories(dir.resolve("once"));
      new ArchiveImporter(new ImportOptions(snapshots, once, PARIS), p -> {}).run();
      assertThat(contents(once)).as("seed " + seed + ": every snapshot imported at once").isEqualTo(contents(archive));
    }
    // the paths under test were taken: the import's hand-over, and pages not rendered again
    assertThat(handedOver).isTrue();
    assertThat(skipped).isTrue();
    assertThat(known).as("items known from an earlier hour, not parsed again").isTrue();
    assertThat(damaged).as("a cache file damaged along the way").isTrue();
    assertThat(contents(archive)).isNotEmpty();
  }

  /** A snapshot of the feed, RSS or Atom; the item with guid {@code tagged} gets one category more. */
  private static String snapshot(boolean atom, OffsetDateTime hour, List<Item> items, String tagged) {
    if (!atom) {
      return feed(hour.toString(), items(items, tagged));
    }
    StringBuilder xml = new StringBuilder();
    for (Item item : items) {
      xml.append("<entry><id>").append(item.guid()).append("</id><title>")
          .append(item.title().replace("&", "&amp;")).append("</title><published>").append(item.date())
          .append("</published><updated>").append(item.date()).append("</updated>");
      for (String c : item.categories()) {
        xml.append("<category term=\"").append(c).append("\"/>");
      }
      if (item.guid().equals(tagged)) {
        xml.append("<category term=\"Édition spéciale\"/>");
      }
      xml.append("<content type=\"html\"><![CDATA[").append(item.html()).append("]]></content></entry>\n");
    }
    return atomFeed(hour.toString(), xml.toString());
  }

  /** The items of a snapshot; the one with guid {@code tagged} gets one category more. */
  private static String items(List<Item> items, String tagged) {
    StringBuilder xml = new StringBuilder();
    for (Item item : items) {
      StringBuilder extra = new StringBuilder();
      for (String c : item.categories()) {
        extra.append("<category>").append(c).append("</category>");
      }
      if (item.guid().equals(tagged)) {
        extra.append("<category>Édition spéciale</category>");
      }
      xml.append(item(item.guid(), item.title(), item.date().toString(), item.html(), extra.toString()));
    }
    return xml.toString();
  }

  private static void touchAll(Path root, int h) throws IOException {
    FileTime time = FileTime.fromMillis(System.currentTimeMillis() + 1000L * h);
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, time);
      }
    }
  }

  private static String html(int n, Random random) {
    StringBuilder html = new StringBuilder("<p>Texte de l’article " + n + ", avec <a href=\"https://exemple.invalid/" + n + "\">un lien</a>.</p>");
    if (random.nextBoolean()) {
      html.append("<h2>Une partie</h2><ul><li>un</li><li>deux</li></ul>");
    }
    if (random.nextInt(3) == 0) {
      html.append("<blockquote><p>Une citation.</p></blockquote>");
    }
    return html.toString();
  }

  private static List<String> categories(Random random) {
    List<String> categories = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
    }
    return categories;
  }

  private static SiteOptions options(Path archive, Path output, @Nullable Path cache) {
    return new SiteOptions(
            archive, output, "Archives", URI.create("https://archive.example.org/"), Locale.FRANCE,
            PARIS, 3, null)
        .withCache(cache);
  }

  private static void assertSame(Map<String, String> actual, Map<String, String> expected, String what) {
    assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(actual.get(e.getKey())).as(what + ": " + e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** The regular files under {@code root}, in path order. */
  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Every regular file under {@code root} but the import's record of snapshots, with its bytes. */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String path = root.relativize(file).toString().replace('\\', '/');
        if (!path.startsWith(".site-gen")) {
          files.put(path, Files.readString(file, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }
}
