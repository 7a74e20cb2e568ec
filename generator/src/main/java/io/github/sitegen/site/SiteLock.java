package io.github.sitegen.site;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.internal.FileLocks;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * One build's hold on a site's output folder (and so on its build cache): two builds of one site, a
 * preview server's and {@code mvn site-gen} in another terminal say, run one after the other. Run
 * together, each would delete the files the other's plan makes no more and the folders it leaves
 * empty while the other writes into them, and append to the same stored bodies; a build that waits
 * then finds the site as the first one left it and renders what is left to render.
 *
 * <p>The lock is the OS's lock on a file in the temporary folder named after the output folder's
 * real path (never a file in the site, which is deployed as it is); the OS releases it when the
 * process ends, however it ends. A build that finds it taken, by another process or another thread
 * of this one, says so once through its reporter (a note on the output folder) and waits.
 */
final class SiteLock implements AutoCloseable {
  /** What a build that finds the lock taken reports, as a note on the output folder. */
  static final String WAITING =
      "another site-gen build is writing this site; waiting for it to finish";

  /** The lock files this thread holds: taking one again would wait for itself forever. */
  private static final ThreadLocal<Set<Path>> HELD = ThreadLocal.withInitial(HashSet::new);

  private final Path file;
  private final FileLocks.Held held;

  private SiteLock(Path file, FileLocks.Held held) {
    this.file = file;
    this.held = held;
  }

  /**
   * Takes the lock of the output folder {@code output} (made if missing), waiting while another
   * build holds it.
   *
   * @throws InterruptedIOException when the thread is interrupted while it waits
   * @throws IOException when the folder or the lock file cannot be made
   * @throws IllegalStateException when this thread holds it already (a build inside a build)
   */
  static SiteLock take(Path output, Reporter reporter) throws IOException {
    Files.createDirectories(output);
    Path file = file(output);
    if (HELD.get().contains(file)) {
      throw new IllegalStateException("this thread is building " + output + " already");
    }
    // a note, not an info line (which the command line shows only when verbose, Maven at debug
    // level): a build that seems to hang must say why
    FileLocks.Held held =
        FileLocks.take(
            file,
            () -> reporter.problem(Problem.info(output.toString(), 0, WAITING)),
            "build " + output);
    HELD.get().add(file);
    return new SiteLock(file, held);
  }

  /** The lock file of the output folder {@code output}, which exists. */
  static Path file(Path output) throws IOException {
    String name = new Fingerprint().add(output.toRealPath().toString()).hex().substring(0, 20);
    return Path.of(System.getProperty("java.io.tmpdir")).resolve("site-gen-site-" + name + ".lock");
  }

  /** Releases the lock (the file stays: it is the OS lock on it that counts). */
  @Override
  public void close() throws IOException {
    HELD.get().remove(file);
    held.close();
  }
}
