package io.github.sitegen.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferencesTest {

  @Test
  void findsTheLeadImageAndBodyImagesOnceEachButNotCodeOrLinks() {
    String markdown = """
        ![Une photo](https://img.test/a.jpg "titre") et ![](<https://img.test/b c.png>)

        `![pas une image](https://img.test/code.png)` [un lien](https://img.test/page.html)

        [![vignette](https://img.test/a.jpg)](https://img.test/grand.jpg)

        ![relative](images/x.png) ![data](data:image/png;base64,AAAA)
        """;

    assertThat(ImageReferences.of(" https://img.test/lead.webp ", markdown))
        .containsExactly(
            "https://img.test/lead.webp", "https://img.test/a.jpg", "https://img.test/b c.png");
  }
}
