package io.github.sitegen.snapshot;

import static java.util.Objects.requireNonNull;

/**
 * A credential a subscriber feed needs, such as Next's {@code rsskey}. Its value is never written
 * to a log, a file or an exception message; {@link #toString()} masks it.
 *
 * @param kind how the value travels
 * @param name the header name ({@code X-RSS-Key}) or query parameter name ({@code rsskey})
 * @param value the secret itself, read from an environment variable or Maven settings
 */
public record Secret(Kind kind, String name, String value) {

  /** How a secret travels with the request. */
  public enum Kind {
    /** As an HTTP request header, sent only to the feed's own host. */
    HEADER,
    /** As a query parameter added to the feed URL. */
    QUERY_PARAMETER
  }

  public Secret {
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          "expected a header or parameter name such as \"X-RSS-Key\", found \"" + name + "\"");
    }
  }

  @Override
  public String toString() {
    return "Secret[" + kind + " " + name + "=***]";
  }
}
