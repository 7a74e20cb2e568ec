package io.github.sitegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
  private final AtomicLong now = new AtomicLong();
  private final List<String> lines = new ArrayList<>();
  private final ProgressMeter meter =
      new ProgressMeter(lines::add, now::get, Duration.ofSeconds(5));

  @Test
  void logsAtMostOncePerIntervalWithRateAndTimeLeft() {
    meter.progress("pages", 0, 10_000);
    now.set(Duration.ofSeconds(2).toNanos());
    meter.progress("pages", 400, 10_000);
    now.set(Duration.ofSeconds(5).toNanos());
    meter.progress("pages", 1_000, 10_000);
    now.set(Duration.ofSeconds(6).toNanos());
    meter.progress("pages", 1_200, 10_000);

    assertThat(lines).containsExactly("pages: 1,000 of 10,000 (10 %), 200/s, about 45 s left");
  }

  @Test
  void staysQuietOnShortWorkAndOnTheLastItem() {
    meter.progress("snapshots", 0, 3);
    now.set(Duration.ofSeconds(60).toNanos());
    meter.progress("snapshots", 3, 3);

    assertThat(lines).isEmpty();
  }

  /**
   * A preview server builds again and again in one process, each build counting its pages from
   * the start: the next build's rate is not that of its first page over the time since the last
   * build began (it said "0/s, about 134 h 24 min left").
   */
  @Test
  void theSameWorkStartedAgainIsTimedFromItsNewStart() {
    meter.progress("pages", 0, 10_000);
    now.set(Duration.ofSeconds(6).toNanos());
    meter.progress("pages", 1_200, 10_000); // logged
    meter.progress("pages", 9_999, 10_000);
    now.set(Duration.ofMinutes(30).toNanos());
    meter.progress("pages", 1, 10_000); // the next build: its clock starts here
    now.set(Duration.ofMinutes(30).plusSeconds(5).toNanos());
    meter.progress("pages", 1_000, 10_000);

    assertThat(lines)
        .containsExactly(
            "pages: 1,200 of 10,000 (12 %), 200/s, about 44 s left",
            "pages: 1,000 of 10,000 (10 %), 200/s, about 45 s left");
  }

  @Test
  void reportsALittleOutOfOrderKeepTheClock() {
    meter.progress("snapshots", 1, 1_000);
    now.set(Duration.ofSeconds(4).toNanos());
    meter.progress("snapshots", 402, 1_000);
    meter.progress("snapshots", 401, 1_000); // another worker's, reported late
    now.set(Duration.ofSeconds(5).toNanos());
    meter.progress("snapshots", 500, 1_000);

    assertThat(lines).containsExactly("snapshots: 500 of 1,000 (50 %), 100/s, about 5 s left");
  }

  @Test
  void formatsLongTimesAndUnknownTotals() {
    assertThat(ProgressMeter.line("items", 10, 100_000, Duration.ofSeconds(10).toNanos()))
        .isEqualTo("items: 10 of 100,000 (0 %), 1/s, about 27 h 46 min left");
    assertThat(ProgressMeter.line("items", 50, 0, Duration.ofSeconds(10).toNanos()))
        .isEqualTo("items: 50, 5/s");
  }
}
