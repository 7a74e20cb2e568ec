package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered bodies kept between builds: a record is given back only for the page, body bytes
 * and link targets it was stored with, from an intact file made for the same key.
 */
class BodyStoreTest {
  private static final byte[] BODY = {1, 2, 3};
  private static final byte[] TARGETS = {4, 5};
  private static final String HTML = "<p>Un billet, avec <a href=\"/__site-gen-link__/2024/x/\">un lien</a> — é</p>";

  @TempDir Path dir;

  @Test
  void givesBackWhatWasAppendedFromTheSameFileOpenedAgain() {
    BodyStore.Location first;
    BodyStore.Location second;
    try (BodyStore store = BodyStore.open(dir, "key")) {
      first = store.append("2024/a/index.html", BODY, TARGETS, HTML);
      second = store.append("2024/b/index.html", BODY, TARGETS, "<p>b</p>");
      assertThat(store.read(first, "2024/a/index.html", BODY, TARGETS)).isEqualTo(HTML);
    }

    try (BodyStore store = BodyStore.open(dir, "key")) {
      assertThat(store.read(first, "2024/a/index.html", BODY, TARGETS)).isEqualTo(HTML);
      assertThat(store.read(second, "2024/b/index.html", BODY, TARGETS)).isEqualTo("<p>b</p>");
    }
  }

  @Test
  void givesNothingForAnotherPageBodyOrLinkTargets() {
    try (BodyStore store = BodyStore.open(dir, "key")) {
      BodyStore.Location at = store.append("2024/a/index.html", BODY, TARGETS, HTML);

      assertThat(store.read(at, "2024/b/index.html", BODY, TARGETS)).isNull();
      assertThat(store.read(at, "2024/a/index.html", new byte[] {1, 2, 4}, TARGETS)).isNull();
      assertThat(store.read(at, "2024/a/index.html", BODY, new byte[] {4, 6})).isNull();
      // a location that is not a record's
      assertThat(store.read(new BodyStore.Location(at.offset() + 1, at.length() - 1), "2024/a/index.html", BODY, TARGETS))
          .isNull();
      assertThat(store.read(new BodyStore.Location(at.offset(), at.length() + 100), "2024/a/index.html", BODY, TARGETS))
          .isNull();
      assertThat(store.read(new BodyStore.Location(0, at.length()), "2024/a/index.html", BODY, TARGETS))
          .isNull();
    }
  }

  @Test
  void aFileForAnotherKeyIsIgnoredThenReplaced() throws Exception {
    BodyStore.Location at;
    try (BodyStore store = BodyStore.open(dir, "key")) {
      at = store.append("2024/a/index.html", BODY, TARGETS, HTML);
    }

    try (BodyStore store = BodyStore.open(dir, "other key")) {
      assertThat(store.read(at, "2024/a/index.html", BODY, TARGETS)).isNull();
      store.append("2024/a/index.html", BODY, TARGETS, HTML);
    }

    try (BodyStore store = BodyStore.open(dir, "key")) {
      assertThat(store.read(at, "2024/a/index.html", BODY, TARGETS)).isNull();
    }
  }

  @Test
  void aDamagedOrTruncatedRecordGivesNothing() throws Exception {
    BodyStore.Location a;
    BodyStore.Location b;
    try (BodyStore store = BodyStore.open(dir, "key")) {
      a = store.append("2024/a/index.html", BODY, TARGETS, HTML);
      b = store.append("2024/b/index.html", BODY, TARGETS, HTML);
    }
    Path file = dir.resolve(BodyStore.FILE);
    try (var raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(a.offset() + a.length() / 2);
      int x = raw.read();
      raw.seek(a.offset() + a.length() / 2);
      raw.write(x ^ 0x20);
      raw.setLength(b.offset() + b.length() - 1);
    }

    try (BodyStore store = BodyStore.open(dir, "key")) {
      assertThat(store.read(a, "2024/a/index.html", BODY, TARGETS)).isNull();
      assertThat(store.read(b, "2024/b/index.html", BODY, TARGETS)).isNull();
      // and what is appended after them reads back
      BodyStore.Location c = store.append("2024/c/index.html", BODY, TARGETS, HTML);
      assertThat(store.read(c, "2024/c/index.html", BODY, TARGETS)).isEqualTo(HTML);
    }
  }

  @Test
  void compactingDropsTheRecordsNoLongerNamedOnlyOnceTheyOutweighTheOthers() throws Exception {
    String big = "<p>" + "é".repeat(100_000) + "</p>";
    Path file = dir.resolve(BodyStore.FILE);
    try (BodyStore store = BodyStore.open(dir, "key")) {
      Map<String, BodyStore.Location> all = new LinkedHashMap<>();
      for (int i = 0; i < 12; i++) {
        all.put("p" + i, store.append("p" + i, BODY, TARGETS, big + i));
      }
      Map<String, BodyStore.Location> most = new LinkedHashMap<>(all);
      most.remove("p0");
      long size = Files.size(file);

      // one dead record in twelve: left as they are
      assertThat(store.compact(most)).isSameAs(most);
      assertThat(Files.size(file)).isEqualTo(size);

      // eleven dead: only the live one is kept, at a new place
      BodyStore.Location kept = all.get("p7");
      Map<String, BodyStore.Location> moved = store.compact(Map.of("p7", kept));
      assertThat(moved).containsOnlyKeys("p7");
      assertThat(moved.get("p7")).isNotEqualTo(kept);
      assertThat(Files.size(file)).isLessThan(size / 10);
      assertThat(store.read(moved.get("p7"), "p7", BODY, TARGETS)).isEqualTo(big + 7);

      // appending goes on after it
      BodyStore.Location next = store.append("p12", BODY, TARGETS, "<p>new</p>");
      assertThat(store.read(next, "p12", BODY, TARGETS)).isEqualTo("<p>new</p>");
      assertThat(store.read(moved.get("p7"), "p7", BODY, TARGETS)).isEqualTo(big + 7);
    }
    try (BodyStore store = BodyStore.open(dir, "key")) {
      assertThat(store.compact(Map.of())).isEmpty();
    }
    assertThat(file).doesNotExist(); // nothing live: no file
  }
}
