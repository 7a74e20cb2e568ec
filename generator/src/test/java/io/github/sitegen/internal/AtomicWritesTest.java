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
  void writeNewWritesInPlaceReadableByOthers() throws IOException {
    Path page = dir.resolve("index.html");

    AtomicWrites.writeNew(page, "<!doctype html>".getBytes());

    assertThat(page).hasContent("<!doctype html>");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(page);
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(page)).contains(PosixFilePermission.OTHERS_READ);
    }
  }

  @Test
  void writeNewReplacesAFileFoundThereAfterAll() throws IOException {
    Path page = dir.resolve("index.html");
    Files.writeString(page, "an older, longer page");

    AtomicWrites.writeNew(page, "new".getBytes());

    assertThat(page).hasContent("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(page);
    }
  }

  @Test
  void aStreamedWriteReplacesTheFileWithAllItsBytes() throws IOException {
    Path file = dir.resolve("cache/site-pages.bin");
    AtomicWrites.replace(file, "old".getBytes());
    byte[] big = new byte[200_000]; // more than the stream's buffer
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }

    AtomicWrites.replace(
        file,
        out -> {
          out.write('[');
          out.write(big);
          out.write(']');
        });

    byte[] written = Files.readAllBytes(file);
    assertThat(written).hasSize(big.length + 2).startsWith('[').endsWith(']');
    assertThat(java.util.Arrays.copyOfRange(written, 1, big.length + 1)).isEqualTo(big);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aStreamedWriteThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("site-state.bin");
    AtomicWrites.replace(file, "old".getBytes());

    assertThatThrownBy(
            () ->
                AtomicWrites.replace(
                    file,
                    out -> {
                      out.write(new byte[100_000]);
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(file).hasContent("old");
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

  @Test
  void concurrentWritersInOneFolderEachGetTheirOwnTemporaryFile() throws Exception {
    Path dir = Files.createTempDirectory("atomic");
    try {
      java.util.stream.IntStream.range(0, 400)
          .parallel()
          .forEach(
              i -> {
                try {
                  AtomicWrites.replace(
                      dir.resolve("f" + (i % 20) + ".txt"),
                      ("v" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });

      try (var files = Files.list(dir)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .hasSize(20)
            .allMatch(name -> name.matches("f\\d+\\.txt"));
      }
      for (int n = 0; n < 20; n++) {
        assertThat(Files.readString(dir.resolve("f" + n + ".txt"))).matches("v\\d+");
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }
}
