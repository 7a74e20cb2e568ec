package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.Reporter;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build of a site at a time: a build of an output folder another build holds waits for it,
 * says so, and then builds; builds of other folders do not wait.
 */
class SiteLockTest {
  @TempDir Path dir;

  @Test
  void aBuildOfASiteAnotherBuildHoldsWaitsForIt() throws Exception {
    Path site = dir.resolve("site");
    List<String> said = new CopyOnWriteArrayList<>();
    var waiting = new CountDownLatch(1);
    Reporter reporter = telling(said, waiting);

    CompletableFuture<SiteReport> second;
    try (SiteLock first = SiteLock.take(site, Reporter.silent())) {
      second =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new SiteGenerator(SiteFixture.french(site, null, 20), reporter)
                      .generate(NextArchive.articles(), NextArchive.bodyLoader());
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(said).containsExactly(site + ": " + SiteLock.WAITING);
      assertThat(second).isNotDone();
      assertThat(site.resolve("index.html")).doesNotExist(); // nothing written while it waits
      // another site is not held up
      Path other = dir.resolve("other");
      new SiteGenerator(SiteFixture.french(other, null, 20), Reporter.silent())
          .generate(NextArchive.articles(), NextArchive.bodyLoader());
      assertThat(other.resolve("index.html")).exists();
    }

    SiteReport report = second.get(60, TimeUnit.SECONDS);
    assertThat(report.pagesWritten()).isPositive();
    assertThat(site.resolve("index.html")).exists();
  }

  @Test
  void theLockIsTheOperatingSystemsLockOnAFileOutsideTheSite() throws Exception {
    Path site = dir.resolve("site");
    Path file;
    try (SiteLock held = SiteLock.take(site, Reporter.silent())) {
      file = SiteLock.file(site);
      assertThat(file).exists();
      assertThat(file.startsWith(site)).isFalse();
      assertThat(anotherProcessTries(file)).isEqualTo("held");
    }
    assertThat(anotherProcessTries(file)).isEqualTo("free");
    // the same folder by another spelling is the same site
    Files.createDirectories(dir.resolve("x"));
    assertThat(SiteLock.file(dir.resolve("x/../site"))).isEqualTo(file);
  }

  /** What a lock attempt on {@code file} by another JVM finds: "held" or "free". */
  private String anotherProcessTries(Path file) throws Exception {
    Path source = dir.resolve("TryLock.java");
    Files.writeString(
        source,
        """
        import java.nio.channels.FileChannel;
        import java.nio.file.Path;
        import java.nio.file.StandardOpenOption;

        public class TryLock {
          public static void main(String[] args) throws Exception {
            try (var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
              System.out.print(lock == null ? "held" : "free");
            }
          }
        }
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, source.toString(), file.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  @Test
  void aBuildInsideABuildOfTheSameSiteIsAnErrorNotAWaitForever() throws Exception {
    Path site = dir.resolve("site");
    try (SiteLock held = SiteLock.take(site, Reporter.silent())) {
      assertThatThrownBy(() -> SiteLock.take(site, Reporter.silent()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("building " + site + " already");
    }
    SiteLock.take(site, Reporter.silent()).close(); // released: taken again
  }

  @Test
  void aWaitingBuildStopsWhenInterrupted() throws Exception {
    Path site = dir.resolve("site");
    try (SiteLock held = SiteLock.take(site, Reporter.silent())) {
      var waiting = new CountDownLatch(1);
      Reporter reporter = telling(new CopyOnWriteArrayList<>(), waiting);
      var failure = new CompletableFuture<Throwable>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  SiteLock.take(site, reporter).close();
                  failure.complete(null);
                } catch (Throwable e) {
                  failure.complete(e);
                }
              });
      thread.start();
      assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
      thread.interrupt();
      assertThat(failure.get(60, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    }
  }


  /** A reporter that adds each problem it is told to {@code said}, then counts {@code told} down. */
  private static Reporter telling(List<String> said, CountDownLatch told) {
    return problem -> {
      assertThat(problem.severity()).isEqualTo(io.github.sitegen.Problem.Severity.INFO);
      said.add(problem.toString());
      told.countDown();
    };
  }
}
