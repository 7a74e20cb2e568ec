package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Reporter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of archive edits, each followed by a build with the build cache, which must give
 * byte for byte what a clean build gives: what {@link IncrementalBuildTest} checks one edit at a
 * time, mixed and repeated, with every page kind (feeds, search, reading views, authors, sitemap);
 * and random changes of options between builds (page size, kinds of pages made).
 * Articles are added, deleted, re-dated across days and months, re-tagged (with a new tag, with
 * tags sharing a slug: "IA" and "ia", "Société numérique" and "societe numerique", and with tags
 * of symbols only), re-titled, given other authors, and have their bodies and the links in them
 * changed, several edits between two builds at times; edits follow each other
 * within a second, so the caches must tell them by their bytes. The seeds are fixed: a failure
 * names its seed and the edits that led to it.
 */
class IncrementalRandomTest {
  private static final URI BASE = URI.create("https://archive.example.org/next/");
  private static final String[] TAGS = {
    "IA", "ia", "Droit", "Sécurité", "Logiciel", "Société numérique", "Nouveau", "Open data",
    "C++", "C#", "societe numerique", "🚀", "\"Guillemets\""
  };
  private static final String[] AUTHORS = {"Camille Martin", "Alex Dupont", "Léa Roux"};

  @TempDir Path dir;
  Path archive;
  Path site;
  Path cache;

  @BeforeEach
  void folders() {
    archive = dir.resolve("articles");
    site = dir.resolve("site");
    cache = dir.resolve("cache");
  }

  /** An archive of {@code count} random articles, written; by file. */
  private Map<String, Article> archiveOf(int count, Random random) throws IOException {
    Map<String, Article> articles = new LinkedHashMap<>();
    for (int n = 0; n < count; n++) {
      articles.put(file(n, random), article(n, random, articles));
    }
    writeAll(archive, articles);
    return articles;
  }

  /** An archived article, as the test wrote it. */
  private record Article(
      String title, String date, List<String> tags, String author, int link, String body) {
    Article withTitle(String t) {
      return new Article(t, date, tags, author, link, body);
    }

    Article withDate(String d) {
      return new Article(title, d, tags, author, link, body);
    }

    Article withTags(List<String> t) {
      return new Article(title, date, t, author, link, body);
    }

    Article withAuthor(String a) {
      return new Article(title, date, tags, a, link, body);
    }

    Article withBody(String b) {
      return new Article(title, date, tags, author, link, b);
    }

    /** The body with one letter for another: a file of the same size. */
    Article withSameSizeBody() {
      return withBody(
          body.contains("Une suite.")
              ? body.replace("Une suite.", "Une Suite.")
              : body.replace("Une Suite.", "Une suite."));
    }
  }

  /** Writes {@code changed} over the article in {@code file}, and logs what it was. */
  private static void change(
      Path archive, Map<String, Article> articles, List<String> log, String file, Article changed, String what)
      throws IOException {
    articles.put(file, changed);
    log.add(what + " " + file);
    write(archive, file, changed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void incrementalBuildsAreCleanBuilds(long seed) throws IOException {
    Random random = new Random(seed);
    Map<String, Article> articles = archiveOf(24, random);
    int next = articles.size();
    List<String> log = new ArrayList<>();
    build(archive, site, cache);
    for (int step = 0; step < 8; step++) {
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        String file = randomFile(articles, random);
        Article a = articles.get(file);
        switch (random.nextInt(8)) {
          case 0 -> {
            String added = file(next, random);
            articles.put(added, article(next++, random, articles));
            log.add("add " + added);
            write(archive, added, articles.get(added));
          }
          case 1 -> {
            if (articles.size() > 5) {
              articles.remove(file);
              Files.delete(archive.resolve(file));
              log.add("delete " + file);
            }
          }
          case 2 -> change(archive, articles, log, file, a.withDate(date(random)), "redate");
          case 3 -> change(archive, articles, log, file, a.withTags(tags(random)), "retag");
          case 4 -> change(archive, articles, log, file, a.withTitle(a.title() + " (mis à jour)"), "retitle");
          case 5 ->
              change(archive, articles, log, file, a.withAuthor(AUTHORS[random.nextInt(AUTHORS.length)]), "author");
          case 6 ->
              change(
                  archive, articles, log, file,
                  a.withBody(a.body() + "\n\nUn paragraphe ajouté, lien vers " + linkTo(random, articles) + ".\n"),
                  "body");
          default -> change(archive, articles, log, file, a.withSameSizeBody(), "same-size body");
        }
      }
      SiteReport report = build(archive, site, cache);
      assertSameAsCleanBuild(archive, site, "seed " + seed + ", after " + log);
      assertThat(report.pagesSkipped()).as("pages not rendered again").isPositive();
    }
  }

  /**
   * Edits of bodies alone (the common hand edit, and what a preview server rebuilds on) leave the
   * plan as it was: a page then keeps its previous fingerprint unless a body it shows changed. Each
   * step must still give a clean build, whether its bodies gained links to other articles, kept
   * their size, or came back to an earlier version; now and then a title changes too. With a
   * {@link SiteGenerator.Memory} (as the preview server's builds share one), the plan itself is
   * taken from the build before when nothing it is made from changed.
   */
  @ParameterizedTest(name = "seed {0}, memory {1}")
  @org.junit.jupiter.params.provider.CsvSource({"1, false", "2, false", "3, false", "1, true", "4, true"})
  void bodyEditsGiveCleanBuilds(long seed, boolean withMemory) throws IOException {
    Random random = new Random(seed);
    Map<String, Article> articles = archiveOf(20, random);
    List<String> log = new ArrayList<>();
    SiteGenerator.@Nullable Memory memory = withMemory ? new SiteGenerator.Memory() : null;
    build(archive, site, cache, memory);
    for (int step = 0; step < 10; step++) {
      int edits = 1 + random.nextInt(2);
      for (int e = 0; e < edits; e++) {
        String file = randomFile(articles, random);
        Article a = articles.get(file);
        switch (random.nextInt(5)) {
          case 0 ->
              change(
                  archive, articles, log, file,
                  a.withBody(a.body() + "\n\nUn lien vers " + linkTo(random, articles) + ".\n"),
                  "body with a link");
          case 1 -> change(archive, articles, log, file, a.withSameSizeBody(), "same-size body");
          case 2 -> change(archive, articles, log, file, a.withBody(a.body() + "\n\nMot.\n"), "body");
          case 3 -> change(archive, articles, log, file, a.withTitle(a.title() + " bis"), "retitle");
          default -> {
            change(archive, articles, log, file, a.withBody(a.body() + "\n\nAller.\n"), "body");
            build(archive, site, cache, memory);
            change(archive, articles, log, file, a, "body back");
          }
        }
      }
      SiteReport report = build(archive, site, cache, memory);
      assertSameAsCleanBuild(archive, site, "seed " + seed + ", after " + log);
      assertThat(report.pagesSkipped()).as("pages not rendered again").isPositive();
    }
    if (memory != null) {
      assertThat(memory.plansReused()).as("plans taken from the build before").isPositive();
    }
  }

  /**
   * A memory holds the plan of one archive folder: another folder with the same front matter (a
   * copy whose bodies differ) is planned anew, its bodies read from its own files.
   */
  @org.junit.jupiter.api.Test
  void aMemoryServesOnlyTheArchiveFolderItsPlanCameFrom() throws IOException {
    Map<String, Article> articles = archiveOf(12, new Random(7));
    var memory = new SiteGenerator.Memory();
    build(archive, site, cache, memory);
    Path other = dir.resolve("other-archive");
    for (Map.Entry<String, Article> e : articles.entrySet()) {
      Article a = e.getValue();
      write(other, e.getKey(), a.withBody(a.body() + "\n\nSeulement dans la copie.\n"));
    }
    Path otherSite = dir.resolve("other-site");

    new SiteGenerator(options(other, otherSite, dir.resolve("other-cache")), Reporter.silent(), memory)
        .generate();

    assertThat(memory.plansReused()).isZero();
    assertSameAsCleanBuild(other, otherSite, "a copy of the archive elsewhere");
    assertThat(SiteFixture.contents(otherSite).values())
        .anyMatch(page -> page.contains("Seulement dans la copie."));
  }

  /**
   * Options changed between builds (page size, kinds of pages made): the cache made for others
   * holds nothing, but the files no page makes any more must still go, and what is left must be a
   * clean build with the new options.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void changedOptionsGiveACleanBuildOfTheNewOptions(long seed) throws IOException {
    Random random = new Random(seed);
    archiveOf(16, random);
    List<String> log = new ArrayList<>();
    for (int step = 0; step < 6; step++) {
      int pageSize = 2 + random.nextInt(4);
      java.util.Set<PageKind> disabled = java.util.EnumSet.noneOf(PageKind.class);
      for (PageKind kind : PageKind.values()) {
        if (random.nextInt(3) == 0) {
          disabled.add(kind);
        }
      }
      log.add("page size " + pageSize + ", without " + disabled);
      SiteOptions options = options(archive, site, cache, pageSize).withDisabled(disabled);
      new SiteGenerator(options, Reporter.silent()).generate();

      Path clean = Files.createTempDirectory(dir, "clean");
      new SiteGenerator(
              options(archive, clean, null, pageSize).withDisabled(disabled),
              Reporter.silent())
          .generate();
      String what = "seed " + seed + ", after " + log;
      Map<String, String> expected = SiteFixture.contents(clean);
      Map<String, String> actual = SiteFixture.contents(site);
      assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
      assertThat(actual).as(what).isEqualTo(expected);
    }
  }

  private static String file(int n, Random random) {
    return "2026/0" + (1 + random.nextInt(2)) + "/billet-" + n + ".md";
  }

  private static Article article(int n, Random random, Map<String, Article> others) {
    return new Article(
        "Billet n° " + n,
        date(random),
        tags(random),
        AUTHORS[random.nextInt(AUTHORS.length)],
        1000 + n,
        "Le corps du billet " + n + ", avec " + linkTo(random, others) + ".\n\n## Partie\n\nUne suite.\n");
  }

  /** One of the archive's files, picked at random (the same sequence for the same seed). */
  private static String randomFile(Map<String, Article> articles, Random random) {
    List<String> files = new ArrayList<>(articles.keySet());
    return files.get(random.nextInt(files.size()));
  }

  /** A link to another article of the archive (an internal link), or to a page outside it. */
  private static String linkTo(Random random, Map<String, Article> articles) {
    if (articles.isEmpty() || random.nextInt(4) == 0) {
      return "[un site](https://exemple.invalid/page)";
    }
    List<Article> all = new ArrayList<>(articles.values());
    return "[un autre billet](https://next.ink/" + all.get(random.nextInt(all.size())).link() + "/billet/)";
  }

  private static String date(Random random) {
    int month = 1 + random.nextInt(2);
    int day = 1 + random.nextInt(4);
    return "2026-0" + month + "-0" + day + "T" + (10 + random.nextInt(12)) + ":"
        + (10 + random.nextInt(50)) + ":00+01:00";
  }

  private static List<String> tags(Random random) {
    List<String> tags = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      tags.add(TAGS[random.nextInt(TAGS.length)]);
    }
    return tags;
  }

  private static void writeAll(Path archive, Map<String, Article> articles) throws IOException {
    for (Map.Entry<String, Article> e : articles.entrySet()) {
      write(archive, e.getKey(), e.getValue());
    }
  }

  private static void write(Path archive, String file, Article a) throws IOException {
    Path path = archive.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(
        path,
        "---\ntitle: "
            + a.title()
            + "\ndate: "
            + a.date()
            + "\nauthors: ["
            + a.author()
            + "]\ntags: ["
            + String.join(", ", a.tags())
            + "]\nlink: https://next.ink/"
            + a.link()
            + "/billet/\nsummary: Résumé de « "
            + a.title()
            + " »\n---\n"
            + a.body());
  }

  private static SiteOptions options(Path archive, Path output, @Nullable Path cache) {
    return options(archive, output, cache, 3);
  }

  private static SiteOptions options(Path archive, Path output, @Nullable Path cache, int pageSize) {
    return new SiteOptions(
            archive, output, "Archives", BASE, Locale.FRANCE, ZoneId.of("Europe/Paris"), pageSize, null)
        .withCache(cache);
  }

  private static SiteReport build(Path archive, Path site, Path cache) throws IOException {
    return build(archive, site, cache, null);
  }

  private static SiteReport build(
      Path archive, Path site, Path cache, SiteGenerator.@Nullable Memory memory)
      throws IOException {
    return new SiteGenerator(options(archive, site, cache), Reporter.silent(), memory).generate();
  }

  private void assertSameAsCleanBuild(Path archive, Path site, String what) throws IOException {
    Path clean = Files.createTempDirectory(dir, "clean");
    new SiteGenerator(options(archive, clean, null), Reporter.silent()).generate();
    Map<String, String> expected = SiteFixture.contents(clean);
    Map<String, String> actual = SiteFixture.contents(site);
    assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(actual.get(e.getKey())).as(what + ": " + e.getKey()).isEqualTo(e.getValue());
    }
  }

}
