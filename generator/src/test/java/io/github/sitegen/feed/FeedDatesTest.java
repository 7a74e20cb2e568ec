package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The date forms real feeds write, in RSS {@code pubDate} and Atom {@code published}: Rome reads
 * most, the reader's own fallback the rest; an unreadable date is reported, never fatal.
 */
class FeedDatesTest {

  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  @ParameterizedTest(name = "RSS \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Thu, 05 Feb 2026 10:00:00 GMT       | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00:00 +0100     | 2026-02-05T09:00Z
          Thu, 5 Feb 2026 10:00:00 +0000      | 2026-02-05T10:00Z
          05 Feb 2026 10:00:00 GMT            | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00 GMT          | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00:00 UT        | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00:00 Z         | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00:00 EST       | 2026-02-05T15:00Z
          Thu, 05 Feb 2026 10:00:00 EDT       | 2026-02-05T14:00Z
          Thu, 05 Feb 2026 10:00:00 CST       | 2026-02-05T16:00Z
          Thu, 05 Feb 2026 10:00:00 PST       | 2026-02-05T18:00Z
          Thu, 05 Feb 26 10:00:00 GMT         | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00:00 +01:00    | 2026-02-05T09:00Z
          Thursday, 05 February 2026 10:00:00 GMT | 2026-02-05T10:00Z
          Thu,05 Feb 2026 10:00:00 GMT        | 2026-02-05T10:00Z
          thu, 05 feb 2026 10:00:00 gmt       | 2026-02-05T10:00Z
          2026-02-05T10:00:00Z                | 2026-02-05T10:00Z
          2026-02-05T10:00:00+01:00           | 2026-02-05T09:00Z
          2026-02-05T10:00:00.123456Z         | 2026-02-05T10:00:00.123456Z
          2026-02-05T10:00:00+0100            | 2026-02-05T09:00Z
          2026-02-05 10:00:00                 | 2026-02-05T10:00Z
          2026-02-05T10:00:00                 | 2026-02-05T10:00Z
          2026-02-05                          | 2026-02-05T00:00Z
          """)
  void readsTheDateFormsFeedsUse(String date, String expected) throws IOException {
    FeedItem item = rssItem("<pubDate>" + date.strip() + "</pubDate>");

    assertThat(item.published()).hasToString(expected);
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "Atom \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-02-05T10:00:00Z                | 2026-02-05T10:00Z
          2026-02-05T10:00:00.5+01:00         | 2026-02-05T09:00:00.500Z
          2026-02-05T10:00:00+0100            | 2026-02-05T09:00Z
          2026-02-05T10:00Z                   | 2026-02-05T10:00Z
          2026-02-05                          | 2026-02-05T00:00Z
          2026-02-05 10:00:00Z                | 2026-02-05T10:00Z
          Thu, 05 Feb 2026 10:00:00 GMT       | 2026-02-05T10:00Z
          """)
  void readsAtomDates(String date, String expected) throws IOException {
    Path feed =
        write(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>f</id>"
                + "<entry><id>1</id><title>t</title><published>"
                + date.strip()
                + "</published></entry></feed>");

    FeedItem item = new FeedReader().read(feed, problems::add).items().get(0);

    assertThat(item.published()).hasToString(expected);
    assertThat(problems).isEmpty();
  }

  @Test
  void reportsAnUnreadableDateAndKeepsTheItem() throws IOException {
    FeedItem item = rssItem("<title>t</title><pubDate>hier soir</pubDate>");

    assertThat(item.published()).isNull();
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly("item 1: expected a date, found \"hier soir\"; left undated");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0000-06-01T00:00:00Z
          -0001-06-01T00:00:00Z
          +10000-01-01T00:00:00Z
          9999-12-31T23:00:00-05:00
          Thu, 05 Feb 20260 10:00:00 GMT
          """)
  void aDateOutsideTheYears1To9999IsLeftUndated(String date) throws IOException {
    FeedItem item = rssItem("<title>t</title><pubDate>" + date.strip() + "</pubDate>");

    assertThat(item.published()).isNull();
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly("item 1: expected a date, found \"" + date.strip() + "\"; left undated");
  }

  @Test
  void theFirstAndLastDaysOfTheYears1To9999AreDates() throws IOException {
    assertThat(rssItem("<pubDate>0001-01-01T00:00:00Z</pubDate>").published())
        .hasToString("0001-01-01T00:00Z");
    assertThat(rssItem("<pubDate>9999-12-31T23:59:59Z</pubDate>").published())
        .hasToString("9999-12-31T23:59:59Z");
    assertThat(problems).isEmpty();
  }

  private FeedItem rssItem(String children) throws IOException {
    Path feed =
        write(
            "<rss version=\"2.0\"><channel><title>t</title><link>https://x.test/</link>"
                + "<description>d</description><item><title>t</title>"
                + children
                + "</item></channel></rss>");
    return new FeedReader().read(feed, problems::add).items().get(0);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("feed.xml"), text, StandardCharsets.UTF_8);
  }
}
