package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site folders a build makes or finds ({@link SiteGenerator.Folders}): a file is compared with
 * what is already there only in a folder the build did not make.
 */
class SiteFoldersTest {
  @TempDir Path dir;

  @Test
  void aMissingSiteFolderAndEveryFolderUnderItAreMadeByTheBuild() throws Exception {
    Path site = dir.resolve("out/site");
    var folders = SiteGenerator.Folders.of(site);

    assertThat(site).isDirectory();
    assertThat(folders.ensure(site.resolve("2024/05/17/slug"))).isTrue();
    assertThat(site.resolve("2024/05/17/slug")).isDirectory();
    assertThat(folders.ensure(site.resolve("2024/05/17"))).isTrue();
    assertThat(folders.ensure(site.resolve("2024/05/17/slug"))).isTrue();
    assertThat(folders.ensure(site)).isTrue();
  }

  @Test
  void anEmptySiteFolderCountsAsMadeByTheBuild() throws Exception {
    Path site = Files.createDirectory(dir.resolve("site"));
    var folders = SiteGenerator.Folders.of(site);

    assertThat(folders.ensure(site.resolve("tags/x"))).isTrue();
    assertThat(site.resolve("tags/x")).isDirectory();
  }

  @Test
  void foldersOfASiteFolderHoldingFilesAreFoundNotMade() throws Exception {
    Path site = Files.createDirectory(dir.resolve("site"));
    Files.createDirectories(site.resolve("2024/05"));
    Files.writeString(site.resolve("index.html"), "old");
    var folders = SiteGenerator.Folders.of(site);

    assertThat(folders.ensure(site)).isFalse();
    assertThat(folders.ensure(site.resolve("2024/05"))).isFalse();
    assertThat(folders.ensure(site.resolve("2024"))).isFalse();
    // a new folder in a folder found: made now, and so is what is made in it
    assertThat(folders.ensure(site.resolve("2024/05/17"))).isTrue();
    assertThat(folders.ensure(site.resolve("2024/05/17/slug"))).isTrue();
    assertThat(folders.ensure(site.resolve("2025/01"))).isTrue();
    assertThat(site.resolve("2025/01")).isDirectory();
  }

  @Test
  void aFileWhereAFolderShouldBeIsNotCountedAsAFolderMade() throws Exception {
    Path site = Files.createDirectory(dir.resolve("site"));
    Files.writeString(site.resolve("tags"), "a file");
    var folders = SiteGenerator.Folders.of(site);

    assertThat(folders.ensure(site.resolve("tags"))).isFalse();
    assertThat(site.resolve("tags")).isRegularFile();
    // and nothing is made under it
    assertThatThrownBy(() -> folders.ensure(site.resolve("tags/x")))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aFolderOutsideTheSiteIsRefused() throws Exception {
    var folders = SiteGenerator.Folders.of(dir.resolve("site"));

    assertThatThrownBy(() -> folders.ensure(dir.resolve("elsewhere")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dir.resolve("elsewhere")).doesNotExist();
  }

  @Test
  void threadsMakingTheSameFoldersAllSeeThemMade() throws Exception {
    Path site = dir.resolve("site");
    var folders = SiteGenerator.Folders.of(site);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Path folder = site.resolve("y" + i % 3 + "/m" + i % 5 + "/d" + i % 7 + "/a" + i);
        tasks.add(() -> folders.ensure(folder));
      }
      for (Future<Boolean> made : pool.invokeAll(tasks)) {
        // a folder another thread made first may count as found: never the other way round
        made.get();
      }
    } finally {
      pool.shutdown();
    }
    for (int i = 0; i < 400; i++) {
      Path folder = site.resolve("y" + i % 3 + "/m" + i % 5 + "/d" + i % 7 + "/a" + i);
      assertThat(folder).isDirectory();
      assertThat(folders.ensure(folder)).as(folder.toString()).isTrue();
    }
  }
}
