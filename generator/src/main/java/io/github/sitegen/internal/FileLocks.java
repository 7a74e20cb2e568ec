package io.github.sitegen.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;

/**
 * The OS lock on a file, waited for: what keeps two imports of one archive, or two builds of one
 * site, from running at the same time, in two processes or two threads of one.
 */
public final class FileLocks {
  /** How often a waiting caller tries again. */
  private static final long RETRY_MILLIS = 50;

  private FileLocks() {}

  /**
   * The lock of {@code channel}'s whole file: at once when it is free, else once whoever holds it
   * (another process, or another thread of this one) has released it, {@code waiting} having been
   * called once first (to say why nothing happens).
   *
   * @param what what the lock is for, for the message when the wait is interrupted
   * @throws InterruptedIOException when the thread is interrupted while it waits
   */
  public static FileLock waitFor(FileChannel channel, Runnable waiting, String what)
      throws IOException {
    boolean told = false;
    while (true) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by another thread of this process
      }
      if (lock != null) {
        return lock;
      }
      if (!told) {
        waiting.run();
        told = true;
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to " + what);
      }
    }
  }
}
