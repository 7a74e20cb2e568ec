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

  @Test
  void formatsLongTimesAndUnknownTotals() {
    assertThat(ProgressMeter.line("items", 10, 100_000, Duration.ofSeconds(10).toNanos()))
        .isEqualTo("items: 10 of 100,000 (0 %), 1/s, about 27 h 46 min left");
    assertThat(ProgressMeter.line("items", 50, 0, Duration.ofSeconds(10).toNanos()))
        .isEqualTo("items: 50, 5/s");
  }
}
