package io.github.sitegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.site.SiteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What site-gen:import hands to the site-gen:generate after it, and when generate takes it. */
class ArchiveHandoffTest {
  @TempDir Path dir;
  Path archive;
  Path cache;
  ArchiveIndex.Contents contents;
  final Map<Object, Object> context = new HashMap<>();

  @BeforeEach
  void archive() throws IOException {
    archive = dir.resolve("articles");
    cache = dir.resolve("target/site-gen-cache");
    Path file = Files.createDirectories(archive.resolve("2026/02/05")).resolve("un.md");
    Files.writeString(file, "---\ntitle: Un\ndate: 2026-02-05T10:00:00Z\n---\nTexte.\n");
    contents = new ArchiveIndex(cache).read(archive, ZoneOffset.UTC, problem -> {});
  }

  private SiteOptions options(Path archive, ZoneId zone, Path cache) {
    return new SiteOptions(
            archive, dir.resolve("target/site"), "Archive", null, java.util.Locale.FRENCH, zone, 20, null)
        .withCache(cache);
  }

  @Test
  void generateTakesWhatImportLeftForTheSameArchiveZoneAndCache() {
    ArchiveHandoff.give(context, archive, ZoneOffset.UTC, cache, contents);

    // the same folders, named another way
    Path sameArchive = dir.resolve("target/../articles");
    assertThat(ArchiveHandoff.take(context, options(sameArchive, ZoneOffset.UTC, cache)))
        .isSameAs(contents);
  }

  @Test
  void itIsTakenOnce() {
    ArchiveHandoff.give(context, archive, ZoneOffset.UTC, cache, contents);
    ArchiveHandoff.take(context, options(archive, ZoneOffset.UTC, cache));

    assertThat(ArchiveHandoff.take(context, options(archive, ZoneOffset.UTC, cache))).isNull();
    assertThat(context).isEmpty();
  }

  @Test
  void anotherArchiveZoneOrCacheReadsTheArchiveAndDropsTheHandoff() {
    SiteOptions[] others = {
      options(dir.resolve("autres"), ZoneOffset.UTC, cache),
      options(archive, ZoneId.of("Europe/Paris"), cache),
      options(archive, ZoneOffset.UTC, dir.resolve("ailleurs")),
      options(archive, ZoneOffset.UTC, cache).withCache(null),
    };
    for (SiteOptions other : others) {
      ArchiveHandoff.give(context, archive, ZoneOffset.UTC, cache, contents);

      assertThat(ArchiveHandoff.take(context, other)).isNull();
      assertThat(context).isEmpty();
    }
  }

  @Test
  void anImportThatLeftNothingClearsAnOlderHandoff() {
    ArchiveHandoff.give(context, archive, ZoneOffset.UTC, cache, contents);
    ArchiveHandoff.give(context, archive, ZoneOffset.UTC, cache, null);

    assertThat(ArchiveHandoff.take(context, options(archive, ZoneOffset.UTC, cache))).isNull();
  }

  @Test
  void anImportStartingClearsAnOlderHandoff() {
    ArchiveHandoff.give(context, archive, ZoneOffset.UTC, cache, contents);
    ArchiveHandoff.clear(context);

    assertThat(ArchiveHandoff.take(context, options(archive, ZoneOffset.UTC, cache))).isNull();
  }

  @Test
  void withoutAPluginContextNothingIsHandedOver() {
    ArchiveHandoff.give(null, archive, ZoneOffset.UTC, cache, contents);

    assertThat(ArchiveHandoff.take(null, options(archive, ZoneOffset.UTC, cache))).isNull();
  }
}
