package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI jar (maven-shade) appends every root {@code rome.properties} into one file. That loses
 * nothing only while a single dependency ships one: two files with the same key would leave one
 * value after the merge (see the comment on the transformer in {@code generator/pom.xml}).
 */
class RomePropertiesTest {

  @Test
  void onlyRomeModulesShipsARootRomeProperties() throws IOException {
    List<URL> files = Collections.list(getClass().getClassLoader().getResources("rome.properties"));

    assertThat(files).singleElement().asString().contains("rome-modules");
  }

  @Test
  void romesOwnPluginsLiveUnderTheirOwnPath() {
    assertThat(getClass().getClassLoader().getResource("com/rometools/rome/rome.properties"))
        .isNotNull();
  }
}
