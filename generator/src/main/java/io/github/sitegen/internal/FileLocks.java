package io.github.sitegen.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The OS lock on a file, waited for: what keeps two imports of one archive, or two builds of one
 * site, from running at the same time, in two processes or two threads of one.
 */
public final class FileLocks {
  /** How often a waiting caller tries again. */
  private static final long RETRY_MILLIS = 50;

  private FileLocks() {}

  /** A lock held on a file, with the channel it was taken through; closing releases both. */
  public static final class Held implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    /** Releases the lock (the file stays: it is the OS lock on it that counts). */
    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  /**
   * The lock of the whole file {@code file} (made if missing): at once when it is free, else once
   * whoever holds it (another process, or another thread of this one) has released it, {@code
   * waiting} having been called once first (to say why nothing happens).
   *
   * @param what what the lock is for, for the message when the wait is interrupted
   * @throws InterruptedIOException when the thread is interrupted while it waits
   * @throws IOException when the file cannot be opened
   */
  public static Held take(Path file, Runnable waiting, String what) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      return new Held(channel, waitFor(channel, waiting, what));
    } catch (IOException | RuntimeException | Error e) {
      channel.close();
      throw e;
    }
  }

  private static FileLock waitFor(FileChannel channel, Runnable waiting, String what)
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
