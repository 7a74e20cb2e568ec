package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.Article;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a build cache, the bodies the feeds show are kept rendered between builds ({@link
 * BodyStore}): when an article arrives, the feeds showing it are made again without parsing the
 * other bodies they show. The site is byte for byte a clean build's either way, and a store that is
 * lost or damaged only costs the parsing.
 */
class StoredBodiesTest {
  private static final int N = 240;

  /** Newest first, as {@link SyntheticArchive} makes them. */
  private static List<Article> all;

  private static BodyLoader bodies;

  @TempDir Path dir;

  private final AtomicInteger loads = new AtomicInteger();

  @BeforeAll
  static void archive() {
    var archive = new SyntheticArchive(N);
    all = archive.articles();
    bodies = archive.bodies();
  }

  @Test
  void aNewArticleRemakesItsFeedsWithTheOtherBodiesTakenFromTheStore() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    build(a, all.subList(1, N));
    assertThat(a.resolve("cache").resolve(BodyStore.FILE)).exists();
    SiteFixture.copyKeepingTimes(a, b);
    Files.delete(b.resolve("cache").resolve(BodyStore.FILE));

    int withStore = loadsOf(a, all);
    int withoutStore = loadsOf(b, all);

    assertThat(withStore).isEqualTo(1); // the new article's body only
    assertThat(withoutStore).isGreaterThan(20); // and every other body its feeds show
    assertSameAsCleanBuild(all, a, b);
    // the next build, with nothing new, renders nothing
    assertThat(loadsOf(a, all)).isZero();
    assertThat(loadsOf(b, all)).isZero();
  }

  @Test
  void aDamagedStoreOnlyCostsTheParsing() throws Exception {
    Path a = dir.resolve("a");
    build(a, all.subList(2, N));
    Path store = a.resolve("cache").resolve(BodyStore.FILE);
    long size = Files.size(store);
    try (var raw = new RandomAccessFile(store.toFile(), "rw")) {
      for (long at = 200; at < size; at += 997) {
        raw.seek(at);
        raw.write('#');
      }
    }

    int loaded = loadsOf(a, all.subList(1, N));

    assertThat(loaded).isGreaterThan(20); // the new body, and those its feeds show
    assertSameAsCleanBuild(all.subList(1, N), a);
    // (the damaged records that build did not need are found out when a later one does)
    loadsOf(a, all);
    assertSameAsCleanBuild(all, a);
  }

  @Test
  void aStoreForOtherOptionsIsNotUsed() throws Exception {
    Path a = dir.resolve("a");
    build(a, all.subList(1, N));

    SiteFixture.build(
        options(a.resolve("site"), 7).withCache(a.resolve("cache")),
        new ArrayList<>(all),
        counting());

    Path clean = dir.resolve("clean");
    SiteFixture.build(options(clean, 7), new ArrayList<>(all), bodies);
    assertThat(SiteFixture.contents(a.resolve("site"))).isEqualTo(SiteFixture.contents(clean));
  }

  /** The bodies loaded by a build of {@code articles} into {@code folder}. */
  private int loadsOf(Path folder, List<Article> articles) throws IOException {
    loads.set(0);
    build(folder, articles);
    return loads.get();
  }

  /** Builds {@code articles} into {@code folder}/site with the cache {@code folder}/cache. */
  private SiteReport build(Path folder, List<Article> articles) throws IOException {
    return SiteFixture.build(
        options(folder.resolve("site")).withCache(folder.resolve("cache")),
        new ArrayList<>(articles),
        counting());
  }

  private BodyLoader counting() {
    return new BodyLoader() {
      @Override
      public String body(Article article) throws IOException {
        loads.incrementAndGet();
        return bodies.body(article);
      }

      @Override
      public byte[] identity(Article article) throws IOException {
        // (as the archive index gives it: without loading the body)
        return new Fingerprint()
            .add(bodies.body(article).getBytes(StandardCharsets.UTF_8))
            .bytes();
      }
    };
  }

  /** The feeds (home, tags, authors) and the pages every build makes. */
  private static SiteOptions options(Path site) {
    return options(site, 10);
  }

  private static SiteOptions options(Path site, int pageSize) {
    return SiteFixture.french(site, null, pageSize)
        .withDisabled(EnumSet.of(PageKind.READER, PageKind.SEARCH, PageKind.SITEMAP));
  }

  /** Each folder's site is byte for byte what a clean build (no cache, empty folder) makes. */
  private void assertSameAsCleanBuild(List<Article> articles, Path... folders) throws IOException {
    Path clean = dir.resolve("clean-" + System.nanoTime());
    SiteFixture.build(options(clean), new ArrayList<>(articles), bodies);
    Map<String, String> expected = SiteFixture.contents(clean);
    for (Path folder : folders) {
      Map<String, String> actual = SiteFixture.contents(folder.resolve("site"));
      assertThat(actual.keySet()).as(folder.toString()).isEqualTo(expected.keySet());
      assertThat(actual).as(folder.toString()).isEqualTo(expected);
    }
  }
}
