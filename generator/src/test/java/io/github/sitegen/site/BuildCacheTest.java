package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache file: read back as written, and nothing at all from a damaged one. */
class BuildCacheTest {
  @TempDir Path dir;

  @Test
  void readsBackWhatWasWritten() throws Exception {
    cache("key").save(dir);

    BuildCache read = BuildCache.load(dir, "key");

    assertThat(read.plan()).isEqualTo(bytes("plan"));
    assertThat(read.page("a/index.html").fingerprint()).isEqualTo(bytes("fa"));
    assertThat(read.page("a/index.html").size()).isEqualTo(1234);
    assertThat(read.body("a/index.html").minutes()).isEqualTo(7);
    assertThat(read.body("a/index.html").destinations()).containsExactly("https://next.ink/1/");
    assertThat(read.doc("a/index.html").title()).isEqualTo("Titre");
    assertThat(read.doc("a/index.html").terms().dictionary()).contains("paris", "ete");
    assertThat(read.search().shards()).containsExactly("a", "m");
    assertThat(read.outputs()).contains("a/index.html", "robots.txt");
  }

  @Test
  void anyChangedByteGivesAnEmptyCache() throws Exception {
    cache("key").save(dir);
    Path file = dir.resolve(BuildCache.FILE);
    byte[] bytes = Files.readAllBytes(file);

    for (int at = 0; at < bytes.length; at++) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= (byte) (1 << (at % 8));
      Files.write(file, damaged);
      // a reading time, a link, a search entry's text: each could otherwise reach a page
      BuildCache read = BuildCache.load(dir, "key");
      assertThat(read.outputs()).as("byte %d", at).isEmpty();
      assertThat(read.bodies()).as("byte %d", at).isEmpty();
      assertThat(read.doc("a/index.html")).as("byte %d", at).isNull();
      assertThat(read.search()).as("byte %d", at).isNull();
    }
  }

  private static BuildCache cache(String key) {
    var cache = new BuildCache(key);
    cache.plan(bytes("plan"));
    cache.page("a/index.html", new BuildCache.PageEntry(bytes("fa"), 1234, 1_700_000_000_000L, 42));
    cache.other("robots.txt");
    cache.body(
        "a/index.html",
        new BuildCache.BodyEntry(bytes("ia"), 7, List.of("https://next.ink/1/"), null));
    cache.doc(
        "a/index.html",
        new BuildCache.DocEntry(
            bytes("ka"),
            "Titre",
            "5 février 2026",
            "Un extrait…",
            SearchIndex.Terms.of(new LinkedHashSet<>(List.of("paris", "ete")))));
    cache.search(new BuildCache.SearchEntry(bytes("frozen"), List.of("a", "m")));
    return cache;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
