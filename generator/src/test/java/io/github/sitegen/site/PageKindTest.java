package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optional kinds of output can be left out; what stays never links to them. */
class PageKindTest {
  private static final URI BASE = URI.create("https://example.org/next/");

  @TempDir Path dir;

  @Test
  void parsesKindsInAnyCaseSeparatedByCommasOrSpaces() {
    assertThat(PageKind.parse("")).isEmpty();
    assertThat(PageKind.parse("Reader, search  feeds"))
        .containsExactlyInAnyOrder(PageKind.READER, PageKind.SEARCH, PageKind.FEEDS);
    assertThatThrownBy(() -> PageKind.parse("reader,tags"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "expected page kinds among reader, search, feeds, authors, sitemap (comma-separated),"
                + " found \"tags\"");
  }

  @Test
  void everyKindDisabledLeavesTheBenchmarkPageSetWithNoLinkToWhatIsGone() throws Exception {
    Path all = dir.resolve("all");
    Path some = dir.resolve("some");
    SiteFixture.buildNext(SiteFixture.french(all, BASE, 2));
    SiteFixture.buildNext(
        SiteFixture.french(some, BASE, 2).withDisabled(EnumSet.allOf(PageKind.class)));

    List<String> gone = new ArrayList<>(SiteFixture.files(all));
    gone.removeAll(SiteFixture.files(some));
    assertThat(gone)
        .isNotEmpty()
        .allMatch(
            f ->
                f.startsWith("read/")
                    || f.contains("/read/")
                    || f.startsWith("search/")
                    || f.startsWith("authors/")
                    || f.endsWith("feed.xml")
                    || f.equals("sitemap.xml")
                    || f.startsWith("js/search"),
            "only optional outputs");
    assertThat(SiteFixture.files(some))
        .contains("index.html", "2026/02/05/index.html", "tags/index.html", "archives/index.html")
        .noneMatch(f -> f.contains("read/") || f.endsWith("feed.xml") || f.startsWith("authors/"));
    assertThat(LinkCheckTest.brokenLinks(some)).isEmpty();
    String home = SiteFixture.read(some, "index.html");
    assertThat(home).doesNotContain("feed.xml", "search/", "authors/", "read/");
    assertThat(SiteFixture.read(all, "index.html")).contains("feed.xml", "search/", "read/");
  }

  @Test
  void eachKindAloneRemovesOnlyItsOwnFiles() throws Exception {
    Path all = dir.resolve("all");
    SiteFixture.buildNext(SiteFixture.french(all, BASE, 2));
    for (PageKind kind : PageKind.values()) {
      Path some = dir.resolve(kind.key());
      SiteFixture.buildNext(SiteFixture.french(some, BASE, 2).withDisabled(Set.of(kind)));

      List<String> gone = new ArrayList<>(SiteFixture.files(all));
      gone.removeAll(SiteFixture.files(some));
      assertThat(gone).as(kind.key()).isNotEmpty();
      assertThat(LinkCheckTest.brokenLinks(some)).as(kind.key()).isEmpty();
    }
  }
}
