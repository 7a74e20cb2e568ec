package io.github.sitegen.serve;

import static java.util.Objects.requireNonNull;

import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.site.SiteOptions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to preview a site.
 *
 * @param site what to build; the site is served under the path of its base URL ({@code /site-gen/}
 *     for {@code https://me.github.io/site-gen/}), or at {@code /} without one
 * @param imports when not null, the snapshots are imported before the first build and whenever a
 *     snapshot file appears or changes
 * @param host the address to listen on, normally {@code 127.0.0.1}
 * @param port the port, 0 for any free one
 * @param debounce how long the files must stay quiet before a rebuild starts
 */
public record PreviewOptions(
    SiteOptions site, @Nullable ImportOptions imports, String host, int port, Duration debounce) {

  public PreviewOptions {
    requireNonNull(site, "site");
    requireNonNull(host, "host");
    requireNonNull(debounce, "debounce");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
  }

  /** Preview on 127.0.0.1, a rebuild 200 ms after the last change. */
  public static PreviewOptions local(SiteOptions site, @Nullable ImportOptions imports, int port) {
    return new PreviewOptions(site, imports, "127.0.0.1", port, Duration.ofMillis(200));
  }
}
