package io.github.sitegen.snapshot;

import java.io.IOException;

/**
 * A feed could not be fetched: an HTTP error, too many redirects, a body over the size limit, or a
 * timeout after every retry. Its message never holds the feed's secret, and it has no cause that
 * could.
 */
public final class FetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message that names no secret. */
  public FetchException(String message) {
    super(message);
  }
}
