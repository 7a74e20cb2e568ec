package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.Article;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build cache damaged in place (bytes changed, the file's size kept: what a disk, a copy or a
 * restore gone wrong leaves, and no truncation check can see) costs only work: the site is byte for
 * byte a clean build's. Each case damages one of the cache folder's files, then builds an update
 * that reads what each of them holds: a new article (every feed made again with the stored bodies
 * of the others, the search index with their entries) and an edit of the oldest one (the frozen
 * search shards made again from the frozen documents' kept terms). Reading views, author pages and
 * the sitemap, which show nothing the others do not, are left out for speed.
 */
class DamagedCacheTest {
  private static final int N = SearchIndex.BLOCK + 60;
  private static final URI BASE = URI.create("https://archive.example.org/next/");

  @TempDir static Path shared;

  /** Newest first, as {@link SyntheticArchive} makes them. */
  private static List<Article> all;

  private static final Map<Path, String> bodies = new HashMap<>();
  private static final Map<Path, String> edited = new HashMap<>();

  /** A site and its cache as a build of all articles but the newest left them. */
  private static Path before;

  /** What a clean build of the update makes. */
  private static Map<String, String> expected;

  @TempDir Path dir;

  @BeforeAll
  static void builds() throws IOException {
    var archive = new SyntheticArchive(N);
    all = archive.articles();
    for (Article article : all) {
      bodies.put(article.file(), archive.bodies().body(article));
    }
    before = shared.resolve("before");
    build(before, all.subList(1, N), false, true);
    for (String file : List.of(BuildCache.FILE, FrozenTerms.FILE, BodyStore.FILE, SiteState.FILE)) {
      assertThat(before.resolve("cache").resolve(file)).isNotEmptyFile();
    }
    expected = contents(build(shared.resolve("clean"), all, true, false));
  }

  static Stream<Arguments> damages() {
    List<Arguments> cases = new ArrayList<>();
    // more often the two files whose damage a build could not tell before they had a checksum
    // (BuildCacheTest and FrozenTermsTest change each of their bytes in turn)
    Map<String, Integer> seeds =
        Map.of(BuildCache.FILE, 3, FrozenTerms.FILE, 3, BodyStore.FILE, 2, SiteState.FILE, 2);
    seeds.forEach(
        (file, count) -> {
          for (long seed = 1; seed <= count; seed++) {
            cases.add(Arguments.of(file, seed));
          }
        });
    cases.sort(java.util.Comparator.comparing(a -> a.get()[0] + " " + a.get()[1]));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("damages")
  void aCacheFileDamagedInPlaceCostsOnlyWork(String file, long seed) throws IOException {
    Path folder = dir.resolve("site");
    SiteFixture.copyKeepingTimes(before, folder);
    Path damaged = folder.resolve("cache").resolve(file);
    byte[] bytes = Files.readAllBytes(damaged);
    Random random = new Random(seed);
    // a few bytes changed past the header (a changed magic or key is the foreign cache's case)
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      int at = 64 + random.nextInt(bytes.length - 64);
      bytes[at] = (byte) (bytes[at] ^ (1 + random.nextInt(255)));
    }
    Files.write(damaged, bytes);

    Map<String, String> actual = contents(build(folder, all, true, true));
    assertThat(differing(actual, expected)).isEmpty();
  }

  /** The files that one site has and the other has not, or has with other bytes. */
  private static List<String> differing(Map<String, String> site, Map<String, String> other) {
    var paths = new java.util.TreeSet<>(site.keySet());
    paths.addAll(other.keySet());
    paths.removeIf(path -> java.util.Objects.equals(site.get(path), other.get(path)));
    return List.copyOf(paths);
  }

  /**
   * Builds {@code articles} into {@code folder}/site, with the cache {@code folder}/cache when
   * {@code cached}, the oldest article's body edited when {@code edit}; the site folder.
   */
  private static Path build(Path folder, List<Article> articles, boolean edit, boolean cached)
      throws IOException {
    Article oldest = all.get(N - 1);
    edited.clear();
    if (edit) {
      edited.put(oldest.file(), bodies.get(oldest.file()) + "\n\nUn mot nouveau : ornithorynque.\n");
    }
    Path site = folder.resolve("site");
    SiteFixture.build(
        SiteFixture.french(site, BASE, 20)
            .withDisabled(EnumSet.of(PageKind.READER, PageKind.AUTHORS, PageKind.SITEMAP))
            .withCache(cached ? folder.resolve("cache") : null),
        new ArrayList<>(articles),
        new BodyLoader() {
          @Override
          public String body(Article article) {
            return text(article);
          }

          @Override
          public byte[] identity(Article article) {
            return new Fingerprint().add(text(article).getBytes(StandardCharsets.UTF_8)).bytes();
          }
        });
    return site;
  }

  private static String text(Article article) {
    return edited.getOrDefault(article.file(), bodies.get(article.file()));
  }

  private static Map<String, String> contents(Path site) throws IOException {
    return SiteFixture.contents(site);
  }
}
