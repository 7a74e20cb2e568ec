package io.github.sitegen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWritesTest {
  @TempDir Path dir;

  @Test
  void writtenFilesAreReadableByOthersLikeOrdinaryFiles() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path page = dir.resolve("site/index.html");

    AtomicWrites.replace(page, "<!doctype html>".getBytes());

    // a web server running as another user must be able to read a published page
    assertThat(Files.getPosixFilePermissions(page)).contains(PosixFilePermission.OTHERS_READ);
  }

  @Test
  void replaceOverwritesAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a.md");
    AtomicWrites.replace(file, "old".getBytes());

    AtomicWrites.replace(file, "new".getBytes());

    assertThat(file).hasContent("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void createRefusesAnExistingFile() throws IOException {
    Path file = dir.resolve("feed.xml");
    AtomicWrites.create(file, "first".getBytes());

    assertThatThrownBy(() -> AtomicWrites.create(file, "second".getBytes()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(file).hasContent("first");
  }
}
