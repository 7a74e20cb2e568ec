package io.github.sitegen.snapshot;

import java.time.Duration;

/** Waits between attempts; tests pass one that only records the wait. */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Really waits, with {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
