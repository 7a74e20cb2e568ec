/**
 * Fetches feed snapshots over HTTP into a snapshots folder, politely: conditional GET, gzip,
 * bounded redirects, retries with back-off, a size limit, and secrets that never reach a log or a
 * file. {@link io.github.sitegen.snapshot.SnapshotFetcher} is the entry point.
 */
@NullMarked
package io.github.sitegen.snapshot;

import org.jspecify.annotations.NullMarked;
