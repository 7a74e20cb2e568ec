package io.github.sitegen.snapshot;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link SnapshotFetcher#fetchAll} run did.
 *
 * @param results one per feed fetched, in the order given
 * @param failures one per feed that could not be fetched, as {@code name: message}
 * @param elapsed wall time
 */
public record SnapshotReport(List<FetchResult> results, List<Problem> failures, Duration elapsed) {

  public SnapshotReport {
    results = List.copyOf(results);
    failures = List.copyOf(failures);
    requireNonNull(elapsed, "elapsed");
  }

  /** Snapshots written. */
  public long saved() {
    return results.stream().filter(r -> r.outcome() == FetchResult.Outcome.SAVED).count();
  }

  /** One line for a log: {@code Fetched 2 feeds: 1 saved, 1 unchanged, 0 failed in 0.4 s}. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Fetched %d feeds: %d saved, %d unchanged, %d failed in %.1f s",
        results.size() + failures.size(),
        saved(),
        results.size() - saved(),
        failures.size(),
        elapsed.toMillis() / 1000.0);
  }
}
