package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every internal link and source of every page leads to a file, at the root and under a sub-path.
 */
class LinkCheckTest {
  private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void build() throws Exception {
    site = dir.resolve("site");
    SiteFixture.buildNext(SiteFixture.french(site, null, 2));
  }

  @Test
  void everyRelativeLinkResolvesToAFile() throws Exception {
    assertThat(brokenLinks(site)).isEmpty();
  }

  @Test
  void linksStillResolveUnderASubPath() throws Exception {
    Path copy = dir.resolve("copy/projects/next-archive");
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(site.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }

    assertThat(brokenLinks(copy)).isEmpty();
  }

  @Test
  void linksInsideBodiesResolveOnPagesShowingOneArticle() throws Exception {
    // with one article a page, every reading view shows a single body: its links to other
    // archived articles must be relative to the reading view, not to the article's own page
    Path single = dir.resolve("one-a-page");
    SiteFixture.buildNext(SiteFixture.french(single, null, 1));

    assertThat(brokenLinks(single)).isEmpty();
    // pages are numbered from the oldest: of five, page 4 holds the second newest
    assertThat(SiteFixture.read(single, "read/page/4/index.html")).contains("licenciements");
  }

  @Test
  void noLinkDependsOnTheSiteRoot() throws Exception {
    List<String> rooted = new ArrayList<>();
    for (Path page : pages(site)) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        if (m.group(1).startsWith("/")) {
          rooted.add(site.relativize(page) + ": " + m.group(1));
        }
      }
    }

    assertThat(rooted).isEmpty();
  }

  static List<String> brokenLinks(Path root) throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> pages = pages(root);
    assertThat(pages).hasSizeGreaterThan(20);
    for (Path page : pages) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String url = m.group(1).replace("&amp;", "&");
        if (url.startsWith("#") || URI.create(url).isAbsolute()) {
          continue;
        }
        String path = url.replaceAll("[#?].*$", "");
        Path target =
            page.getParent()
                .resolve(path.isEmpty() ? page.getFileName().toString() : path)
                .normalize();
        if (path.endsWith("/") || Files.isDirectory(target)) {
          target = target.resolve("index.html");
        }
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
          broken.add(root.relativize(page) + ": " + url);
        }
      }
    }
    return broken;
  }

  private static List<Path> pages(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }
}
