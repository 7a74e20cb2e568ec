package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code feed/peer-feeds/} (the test suites of Rome, feedparser and the W3C feed
 * validator, see its {@code SOURCES.md}) is either read or refused with a {@link SiteGenException}
 * naming the file: no other exception escapes.
 */
class FeedReaderCorpusTest {

  private static final Path CORPUS = resource("/feed/peer-feeds");

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void readsOrRefusesWithAProblem(String file) {
    Path path = CORPUS.resolve(file);
    List<Problem> problems = new ArrayList<>();

    Throwable thrown = catchThrowable(() -> new FeedReader().read(path, problems::add));

    if (thrown != null) {
      assertThat(thrown).isInstanceOf(SiteGenException.class);
      Problem problem = ((SiteGenException) thrown).problem();
      assertThat(problem.file()).isEqualTo(path.toString());
      assertThat(problem.message()).isNotBlank().doesNotEndWith(".");
    }
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(path.toString()));
  }

  static Stream<String> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> CORPUS.relativize(file).toString().replace('\\', '/'))
          .filter(file -> !file.endsWith("LICENSE") && !file.endsWith(".md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(FeedReaderCorpusTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
