package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each body is read and parsed once per build, however many pages show it. */
class BodyReuseTest {
  @TempDir Path dir;

  /**
   * 700 articles are three batches of article pages: the reading views and feeds showing a batch's
   * bodies are made right after it, each once every body it shows has been parsed (a page made
   * before would load such a body a second time).
   */
  @ParameterizedTest(name = "{0} articles")
  @ValueSource(ints = {120, 700})
  void eachBodyIsLoadedOnceWithEveryPageKind(int articles) throws Exception {
    var archive = new SyntheticArchive(articles);
    var loads = new AtomicInteger();

    SiteFixture.build(
        SiteFixture.french(dir.resolve("all"), null, 10), archive.articles(), counting(archive, loads));

    // article page, home and day reading views, feeds: one parse for all of them
    assertThat(loads).hasValue(articles);
  }

  @Test
  void eachBodyIsLoadedOnceWithoutReadingViewsOrSearch() throws Exception {
    var archive = new SyntheticArchive(120);
    var loads = new AtomicInteger();

    SiteFixture.build(
        SiteFixture.french(dir.resolve("some"), null, 10)
            .withDisabled(EnumSet.of(PageKind.READER, PageKind.SEARCH)),
        archive.articles(),
        counting(archive, loads));

    assertThat(loads).hasValue(120);
  }

  /** The archive's bodies, counting the loads. */
  private static BodyLoader counting(SyntheticArchive archive, AtomicInteger loads) {
    return a -> {
      loads.incrementAndGet();
      return archive.bodies().body(a);
    };
  }
}
