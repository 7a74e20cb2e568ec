package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportLockTest {
  @TempDir Path work;

  @Test
  void secondImportOfTheSameArchiveIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
    Path snapshots = Files.createDirectories(work.resolve("snapshots"));
    Path archive = Files.createDirectories(work.resolve("articles"));
    ArchiveImporter importer = new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), Reporter.silent());

    try (FileChannel channel =
            FileChannel.open(ArchiveImporter.lockFile(archive), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThatThrownBy(importer::run)
          .isInstanceOf(SiteGenException.class)
          .hasMessageContaining("another import is writing this archive");
    }
    importer.run(); // and once released, it goes through
  }
}
