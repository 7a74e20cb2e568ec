package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageTest {
  @Test
  void aNullValueIsAnAbsentKeyAndTheModelCannotChange() {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "Accueil");
    model.put("previous", null); // the first article has none
    Page page = new Page("index.html", "home.ftlh", model, List.of(), null);

    model.put("title", "changed afterwards");

    assertThat(page.model()).containsOnlyKeys("title").containsEntry("title", "Accueil");
    assertThatThrownBy(() -> page.model().put("next", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aModelTakenFromAnotherPageIsKeptAsItIs() {
    Page first = new Page("a/index.html", "day.ftlh", Map.of("title", "Lundi"), List.of(), null);
    Page again = new Page("a/read/index.html", "reader.ftlh", first.model(), List.of(), null);

    assertThat(again.model()).isSameAs(first.model());
  }
}
