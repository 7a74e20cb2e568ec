package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the site state back: whole, or only as far as its key and inputs when they differ. */
class SiteStateTest {
  private static final byte[] INPUTS = {1, 2, 3, 4};

  @TempDir Path cache;

  @Test
  void aStateMadeFromTheSameInputsIsReadWhole() throws IOException {
    state().save(cache);

    SiteState read = SiteState.load(cache, "key", INPUTS);

    assertThat(read).isNotNull();
    assertThat(read.outputs()).isEqualTo(state().outputs());
  }

  @Test
  void aStateMadeFromOtherInputsOrForAnotherKeyIsNone() throws IOException {
    state().save(cache);

    assertThat(SiteState.load(cache, "key", new byte[] {9})).isNull();
    assertThat(SiteState.load(cache, "another key", INPUTS)).isNull();
  }

  @Test
  void otherInputsAreToldFromTheFirstBytesWithoutReadingTheRest() throws IOException {
    state().save(cache);
    Path file = cache.resolve(SiteState.FILE);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, 100)); // the outputs cut off

    assertThat(SiteState.load(cache, "key", new byte[] {9})).isNull();
    // the same inputs need the rest, which is damaged: no state either, never an error
    assertThat(SiteState.load(cache, "key", INPUTS)).isNull();
    assertThat(SiteState.load(cache, "key")).isNull();
  }

  @Test
  void noFileOrAnUnreadableOneIsNone() throws IOException {
    assertThat(SiteState.load(cache, "key", INPUTS)).isNull();
    Files.writeString(cache.resolve(SiteState.FILE), "x");
    assertThat(SiteState.load(cache, "key", INPUTS)).isNull();
  }

  private static SiteState state() {
    List<SiteState.Output> outputs = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      outputs.add(new SiteState.Output("2026/01/01/billet-" + i + "/index.html", 1000 + i, 1_700_000_000_000L, true));
    }
    return new SiteState("key", INPUTS, outputs, null);
  }
}
