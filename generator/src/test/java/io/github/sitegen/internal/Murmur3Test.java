package io.github.sitegen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Murmur3Test {
  @Test
  void knownValues() {
    assertThat(hex("")).isEqualTo("00000000000000000000000000000000");
    // the reference implementation's (and Guava's murmur3_128) value for this sentence
    assertThat(hex("The quick brown fox jumps over the lazy dog"))
        .isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
  }

  @Test
  void theSameBytesInAnySlicesBytesAndLongsGiveTheSameHash() {
    var random = new Random(7);
    for (int n = 0; n < 2000; n++) {
      byte[] bytes = new byte[random.nextInt(100)];
      random.nextBytes(bytes);
      var whole = new Murmur3();
      whole.update(bytes);
      var sliced = new Murmur3();
      for (int i = 0; i < bytes.length; ) {
        int count = Math.min(bytes.length - i, random.nextInt(20));
        if (count == 1 && random.nextBoolean()) {
          sliced.update(bytes[i]);
        } else if (count >= 8 && random.nextBoolean()) {
          long value = 0; // 8 bytes as a long, least significant first
          for (int k = 7; k >= 0; k--) {
            value = (value << 8) | (bytes[i + k] & 0xff);
          }
          sliced.update(value);
          count = 8;
        } else {
          sliced.update(bytes, i, count);
        }
        i += count;
      }
      assertThat(sliced.digest()).isEqualTo(whole.digest());
    }
  }

  @Test
  void nearbyInputsDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      assertThat(seen.add(hex("page " + i))).isTrue();
    }
  }

  private static String hex(String text) {
    var hash = new Murmur3();
    hash.update(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash.digest());
  }
}
