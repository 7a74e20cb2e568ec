package io.github.sitegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CodeIdentity}: a jar is known by its entries' content, not by the times a build writes
 * into it, so that the same sources built again keep their caches; any other change is another
 * identity.
 */
class CodeIdentityTest {
  @TempDir Path folder;

  private static final Map<String, String> CODE =
      Map.of("META-INF/", "", "a/A.class", "code of A", "a/B.class", "code of B", "theme/x.ftlh", "<p>x</p>");

  @Test
  void theSameEntriesBuiltAtAnotherTimeAreTheSameCode() throws IOException {
    Path first = jar("first.jar", CODE, 1_700_000_000_000L);
    Path again = jar("again.jar", CODE, 1_800_000_000_000L);
    Files.setLastModifiedTime(again, FileTime.fromMillis(1_800_000_000_000L));

    assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(again)); // (times differ)
    assertThat(CodeIdentity.of(first.toUri().toURL())).isEqualTo(CodeIdentity.of(again.toUri().toURL()));
    // as the class loader names it: jar:file:…!/entry
    assertThat(CodeIdentity.of(new java.net.URL("jar:" + first.toUri() + "!/a/A.class")))
        .isEqualTo(CodeIdentity.of(first.toUri().toURL()));
  }

  @Test
  void aChangedAddedOrRenamedEntryIsOtherCode() throws IOException {
    String base = CodeIdentity.of(jar("base.jar", CODE, 0).toUri().toURL());

    var changed = new java.util.HashMap<>(CODE);
    changed.put("a/B.class", "code of B, edited");
    var added = new java.util.HashMap<>(CODE);
    added.put("a/C.class", "code of C");
    var renamed = new java.util.HashMap<>(CODE);
    renamed.put("a/C.class", renamed.remove("a/B.class"));
    var sameLengthOtherBytes = new java.util.HashMap<>(CODE);
    sameLengthOtherBytes.put("a/B.class", "code of b");

    assertThat(CodeIdentity.of(jar("changed.jar", changed, 0).toUri().toURL())).isNotEqualTo(base);
    assertThat(CodeIdentity.of(jar("added.jar", added, 0).toUri().toURL())).isNotEqualTo(base);
    assertThat(CodeIdentity.of(jar("renamed.jar", renamed, 0).toUri().toURL())).isNotEqualTo(base);
    assertThat(CodeIdentity.of(jar("same-length.jar", sameLengthOtherBytes, 0).toUri().toURL()))
        .isNotEqualTo(base);
  }

  @Test
  void aFileThatIsNotAZipIsKnownByItsBytes() throws IOException {
    Path one = Files.writeString(folder.resolve("one.jar"), "not a zip", StandardCharsets.UTF_8);
    Path same = Files.writeString(folder.resolve("same.jar"), "not a zip", StandardCharsets.UTF_8);
    Path other = Files.writeString(folder.resolve("other.jar"), "not a zip either", StandardCharsets.UTF_8);

    assertThat(CodeIdentity.of(one.toUri().toURL())).isEqualTo(CodeIdentity.of(same.toUri().toURL()));
    assertThat(CodeIdentity.of(one.toUri().toURL())).isNotEqualTo(CodeIdentity.of(other.toUri().toURL()));
  }

  @Test
  void aFolderIsKnownByItsFilesPathsSizesAndTimes() throws IOException {
    Path classes = Files.createDirectories(folder.resolve("classes/a"));
    Path file = Files.writeString(classes.resolve("A.class"), "code of A");
    String before = CodeIdentity.of(folder.resolve("classes").toUri().toURL());

    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));

    assertThat(CodeIdentity.of(folder.resolve("classes").toUri().toURL())).isNotEqualTo(before);
  }

  /** A jar of {@code entries} (name to text; a name ending in / is a folder) written at {@code time}. */
  private Path jar(String name, Map<String, String> entries, long time) throws IOException {
    Path jar = folder.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        var zip = new ZipOutputStream(file)) {
      for (String entryName : new java.util.TreeSet<>(entries.keySet())) {
        var entry = new ZipEntry(entryName);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(entries.get(entryName).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
