package io.github.sitegen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBytesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(
      ints = {
        0,
        1,
        FileBytes.CHUNK - 1,
        FileBytes.CHUNK,
        FileBytes.CHUNK + 1,
        3 * FileBytes.CHUNK + 17,
        6_500_000
      })
  void givesWhatFilesReadAllBytesGives(int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    Path file = Files.write(dir.resolve("file.bin"), bytes);

    assertThat(FileBytes.read(file)).isEqualTo(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void aFileLongerThanItsSizeSaidIsReadToItsEnd() throws IOException {
    // a file whose size is 0 though it has bytes: what a file growing while it is read looks like
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status) && Files.size(status) == 0);

    byte[] bytes = FileBytes.read(status);

    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("Name:");
  }

  @Test
  void aMissingFileIsTheSameExceptionAsForFilesReadAllBytes() {
    Path missing = dir.resolve("missing.bin");

    assertThatThrownBy(() -> FileBytes.read(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.bin");
  }
}
