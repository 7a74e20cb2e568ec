package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links between output paths, relative to the page holding them. */
class RelativeUrlsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          index.html                          | index.html                   | index.html
          index.html                          | 2026/02/05/a/index.html      | 2026/02/05/a/index.html
          2026/02/05/a/index.html             | index.html                   | ../../../../index.html
          2026/02/05/a/index.html             | 2026/02/05/b/index.html      | ../b/index.html
          2026/02/05/a/index.html             | 2026/02/04/b/index.html      | ../../04/b/index.html
          2026/02/05/a/index.html             | 2026/02/05/a/index.html      | index.html
          2026/index.html                     | 2026/                        | ./
          tags/ia/page/2/index.html           | tags/ia/index.html           | ../../index.html
          tags/ia/index.html                  | tags/iab/index.html          | ../iab/index.html
          tags/iab/index.html                 | tags/ia/feed.xml             | ../ia/feed.xml
          a/b/index.html                      | a/bc/d/index.html            | ../bc/d/index.html
          """)
  void linksRelativeToThePage(String from, String to, String link) {
    assertThat(RelativeUrls.relative(from, to)).isEqualTo(link);
  }

  @Test
  void sameAsSplittingIntoSegmentsForEveryPairOfManyPaths() {
    List<String> paths = new ArrayList<>();
    String[] segments = {"a", "ab", "b", "2026", "02", "index.html", ""};
    for (String x : segments) {
      for (String y : segments) {
        for (String z : segments) {
          paths.add(x + "/" + y + "/" + z);
          paths.add(x + "/" + z);
          paths.add(z);
        }
      }
    }
    for (String from : paths) {
      for (String to : paths) {
        assertThat(RelativeUrls.relative(from, to))
            .as(from + " -> " + to)
            .isEqualTo(bySplitting(from, to));
      }
    }
  }

  /** The straightforward way, by lists of segments. */
  private static String bySplitting(String from, String to) {
    List<String> fromParts = Arrays.asList(from.split("/", -1));
    List<String> fromDirs = fromParts.subList(0, fromParts.size() - 1);
    List<String> toParts = Arrays.asList(to.split("/", -1));
    List<String> toDirs = toParts.subList(0, toParts.size() - 1);
    int common = 0;
    while (common < fromDirs.size()
        && common < toDirs.size()
        && fromDirs.get(common).equals(toDirs.get(common))) {
      common++;
    }
    var link = new StringBuilder("../".repeat(fromDirs.size() - common));
    link.append(String.join("/", toParts.subList(common, toParts.size())));
    return link.length() == 0 ? "./" : link.toString();
  }
}
