package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With a build cache, the search index's frozen shards ({@code search/index/t/}, documents in whole
 * blocks of {@link SearchIndex#BLOCK} from the oldest) are carried over when the same documents
 * made them and their files are as the previous build left them, and made again otherwise; either
 * way the site is byte for byte a clean build's. Archives of a little over one block, in memory.
 */
class SearchShardsCarryTest {
  private static final int N = SearchIndex.BLOCK + 60;

  /** Newest first, as {@link SyntheticArchive} makes them. */
  private static List<Article> all;

  private static BodyLoader bodies;

  @TempDir Path dir;

  private final Map<Path, String> edited = new HashMap<>();

  @BeforeAll
  static void archive() {
    var archive = new SyntheticArchive(N);
    all = archive.articles();
    bodies = archive.bodies();
  }

  /**
   * The frozen shards and the document table's chunks of frozen documents only ({@code d/0} to
   * {@code d/24} for one block) are carried together: a file of either touched makes them all
   * again, and only that one is written.
   */
  @ParameterizedTest
  @ValueSource(strings = {"t/0.json", "d/0.json", "d/24.json"})
  void aNewArticleCarriesTheFrozenShardsUnlessOneOfTheirFilesWasTouched(String file) throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    build(a, all.subList(1, N));
    SiteFixture.copyKeepingTimes(a, b);
    Path touched = b.resolve("site/search/index/" + file);
    Files.writeString(touched, " ", StandardOpenOption.APPEND);

    SiteReport carried = build(a, all);
    SiteReport remade = build(b, all);

    long shards = frozenShards(a.resolve("site"));
    assertThat(shards).isGreaterThan(1);
    assertThat(SearchIndex.frozenChunks(N)).isEqualTo(25);
    // carried: not even made (skipped); remade: made, and only the touched one written
    assertThat(carried.pagesSkipped() - remade.pagesSkipped())
        .isEqualTo(shards + SearchIndex.frozenChunks(N));
    assertThat(remade.pagesWritten() - carried.pagesWritten()).isEqualTo(1);
    assertSameAsCleanBuild(all, a, b);
    // and the shards are carried again by the next build of the repaired copy
    SiteReport again = build(b, all.subList(0, N));
    assertThat(again.pagesWritten()).isZero();
  }

  @Test
  void anArticleOlderThanAllRenumbersTheFrozenDocuments() throws Exception {
    Path a = dir.resolve("a");
    build(a, all.subList(0, N - 1));

    build(a, all);

    assertSameAsCleanBuild(all, a);
  }

  @Test
  void aBlockFillingUpOrEmptyingMakesOrRemovesTheFrozenShards() throws Exception {
    Path a = dir.resolve("a");
    int below = SearchIndex.BLOCK - 2;
    build(a, all.subList(4, 4 + below)); // no frozen block yet
    assertThat(frozenShards(a.resolve("site"))).isZero();

    build(a, all.subList(0, 4 + below)); // four newer ones fill it
    assertThat(frozenShards(a.resolve("site"))).isGreaterThan(1);
    assertSameAsCleanBuild(all.subList(0, 4 + below), a);

    build(a, all.subList(3, 4 + below)); // the newest goes: no frozen block again
    assertThat(frozenShards(a.resolve("site"))).isZero();
    assertSameAsCleanBuild(all.subList(3, 4 + below), a);
  }

  @Test
  void aLostCacheOrMissingShardMakesThemAgain() throws Exception {
    Path a = dir.resolve("a");
    build(a, all.subList(1, N));
    Files.delete(a.resolve("site/search/index/t/1.json"));
    build(a, all);
    assertSameAsCleanBuild(all, a);

    try (Stream<Path> files = Files.list(a.resolve("cache"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    build(a, all.subList(0, N));
    assertSameAsCleanBuild(all, a);
  }

  /**
   * An old (frozen) article edited: the frozen shards are made again. The frozen documents' terms
   * are kept apart from the build cache ({@link FrozenTerms}): the build takes the others' from
   * there, and parses only the bodies whose terms it lacks: all of them when that file is lost.
   */
  @Test
  void anEditOfAnOldArticleRemakesTheFrozenShardsWithTheOthersTermsFromTheFrozenTermsFile() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    build(a, all);
    SiteFixture.copyKeepingTimes(a, b);
    Files.delete(b.resolve("cache").resolve(FrozenTerms.FILE));
    Article oldest = all.get(N - 1);
    edited.put(oldest.file(), bodies.body(oldest) + "\n\nUn mot nouveau : ornithorynque.\n");

    loads.set(0);
    build(a, all);
    int withFile = loads.get();
    loads.set(0);
    build(b, all);
    int withoutFile = loads.get();

    assertThat(withFile).isLessThan(100); // the edited body, those shown by the pages it changes
    assertThat(withoutFile).isGreaterThanOrEqualTo(SearchIndex.BLOCK);
    assertThat(frozenShardText(a.resolve("site"))).contains("\"ornithorynque\":\"0\"");
    assertSameAsCleanBuild(all, a, b);
  }

  /** Builds {@code articles} into {@code folder}/site with the cache {@code folder}/cache. */
  private SiteReport build(Path folder, List<Article> articles) throws IOException {
    return SiteFixture.build(
        options(folder.resolve("site")).withCache(folder.resolve("cache")),
        new ArrayList<>(articles),
        new BodyLoader() {
          @Override
          public String body(Article article) throws IOException {
            loads.incrementAndGet();
            return text(article);
          }

          @Override
          public byte[] identity(Article article) throws IOException {
            // (as the archive index gives it: without loading the body)
            return new Fingerprint().add(text(article).getBytes(StandardCharsets.UTF_8)).bytes();
          }
        });
  }

  private final AtomicInteger loads = new AtomicInteger();

  private String text(Article article) throws IOException {
    return edited.containsKey(article.file()) ? edited.get(article.file()) : bodies.body(article);
  }

  /** Search and the pages every build makes; the rest would only slow these builds down. */
  private static SiteOptions options(Path site) {
    return SiteFixture.french(site, null, 20)
        .withDisabled(EnumSet.of(PageKind.READER, PageKind.FEEDS, PageKind.AUTHORS, PageKind.SITEMAP));
  }

  /** Each folder's site is byte for byte what a clean build (no cache, empty folder) makes. */
  private void assertSameAsCleanBuild(List<Article> articles, Path... folders) throws IOException {
    Path clean = dir.resolve("clean-" + System.nanoTime());
    SiteFixture.build(options(clean), new ArrayList<>(articles), this::text);
    Map<String, String> expected = SiteFixture.contents(clean);
    for (Path folder : folders) {
      Map<String, String> actual = SiteFixture.contents(folder.resolve("site"));
      assertThat(actual.keySet()).as(folder.toString()).isEqualTo(expected.keySet());
      assertThat(actual).as(folder.toString()).isEqualTo(expected);
    }
  }

  private static long frozenShards(Path site) throws IOException {
    Path folder = site.resolve("search/index/t");
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  private static String frozenShardText(Path site) throws IOException {
    var text = new StringBuilder();
    try (Stream<Path> files = Files.list(site.resolve("search/index/t"))) {
      for (Path file : files.toList()) {
        text.append(Files.readString(file));
      }
    }
    return text.toString();
  }
}
