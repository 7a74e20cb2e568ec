package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNameTimestampTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          next-2026-02-05T1700.rss.xml              | 2026-02-05T17:00:00Z
          next-2026-02-05T1100.atom.xml             | 2026-02-05T11:00:00Z
          feed-20260205T160000Z.xml                 | 2026-02-05T16:00:00Z
          feed-20260205T1600.xml                    | 2026-02-05T16:00:00Z
          next-2026-02-05T16:00:00Z.xml             | 2026-02-05T16:00:00Z
          next-2026-02-05T16:00:30.500Z.xml         | 2026-02-05T16:00:30Z
          next-2026-02-05T17:00:00+01:00.xml        | 2026-02-05T16:00:00Z
          next-2026-02-05T1700+0100.rss.xml         | 2026-02-05T16:00:00Z
          2026-02-05t0930.xml                       | 2026-02-05T09:30:00Z
          feed-v2-20261399T000000Z-2026-02-05T1700.xml | 2026-02-05T17:00:00Z
          """)
  void readsTheTimestampInTheName(String fileName, String expected) {
    assertThat(FileNameTimestamp.parse(fileName)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      textBlock =
          """
          next.rss.xml
          next-2026-02-05.rss.xml
          feed-20261399T999999Z.xml
          feed-12026-02-05T1700.xml
          backup-123456789T1234.xml
          """)
  void findsNoTimestampWhereThereIsNone(String fileName) {
    assertThat(FileNameTimestamp.parse(fileName)).isEmpty();
  }
}
