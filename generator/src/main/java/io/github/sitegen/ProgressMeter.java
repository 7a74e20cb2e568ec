package io.github.sitegen;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns frequent {@link Reporter#progress} calls into an occasional log line such as {@code pages:
 * 1,200 of 10,000 (12 %), 850/s, about 10 s left}: at most one line per interval, never the very
 * first call (short work logs nothing but its summary), and never the last one (the summary says
 * it). Work is timed from its first call: a call naming other work, or the same work with less than
 * half as much done as before (the next build of a preview server, say; parallel workers report a
 * little out of order), starts the clock again. Thread-safe.
 *
 * <pre>{@code
 * var meter = new ProgressMeter(getLog()::info, System::nanoTime, Duration.ofSeconds(5));
 * meter.progress("pages", done, total);
 * }</pre>
 */
public final class ProgressMeter {
  private final Consumer<String> sink;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private String current = "";
  private long lastDone;
  private long startNanos;
  private long lastLogNanos;

  /**
   * A meter writing to {@code sink} at most once per {@code interval}, timed by {@code nanoTime}.
   */
  public ProgressMeter(Consumer<String> sink, LongSupplier nanoTime, Duration interval) {
    this.sink = requireNonNull(sink, "sink");
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    this.intervalNanos = interval.toNanos();
  }

  /** A meter on the system clock logging at most every 5 seconds. */
  public static ProgressMeter every5Seconds(Consumer<String> sink) {
    return new ProgressMeter(sink, System::nanoTime, Duration.ofSeconds(5));
  }

  /** Records progress and logs a line when the interval has passed since the last one. */
  public void progress(String what, long done, long total) {
    String line;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (!what.equals(current) || done < lastDone / 2) { // new work starts its own clock
        current = what;
        lastDone = done;
        startNanos = now;
        lastLogNanos = now;
        return;
      }
      lastDone = Math.max(lastDone, done);
      if (now - lastLogNanos < intervalNanos || (total > 0 && done >= total)) {
        return;
      }
      lastLogNanos = now;
      line = line(what, done, total, now - startNanos);
    }
    sink.accept(line);
  }

  /** {@code pages: 1,200 of 10,000 (12 %), 850/s, about 10 s left}. */
  static String line(String what, long done, long total, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double rate = done / seconds;
    var text = new StringBuilder(String.format(Locale.ROOT, "%s: %,d", what, done));
    if (total > 0) {
      text.append(String.format(Locale.ROOT, " of %,d (%d %%)", total, done * 100 / total));
    }
    text.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
    if (total > 0 && rate > 0) {
      long left = Math.round((total - done) / rate);
      text.append(String.format(Locale.ROOT, ", about %s left", duration(left)));
    }
    return text.toString();
  }

  private static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds / 60 % 60);
  }
}
