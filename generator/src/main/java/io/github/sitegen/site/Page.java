package io.github.sitegen.site;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One file to render: the planning step's output, the rendering step's input.
 *
 * @param path output path relative to the site root, {@code /}-separated
 * @param template the template that renders it
 * @param model what the template sees besides the common entries (values may be null: absent)
 * @param bodies articles whose rendered bodies the page shows (the template reads them from {@code
 *     bodies[article.id]})
 * @param lastmod newest date of what the page shows, for the sitemap; null for pages outside it
 */
record Page(
    String path,
    String template,
    Map<String, @Nullable Object> model,
    List<String> bodies,
    @Nullable OffsetDateTime lastmod) {

  Page {
    if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("page path must be relative and inside the site: " + path);
    }
    model = compact(model);
    bodies = List.copyOf(bodies);
  }

  /**
   * The model as an immutable map of its non-null values: a template sees an absent key and a null
   * value alike. A site plans one page per article and more, each kept until it is rendered; an
   * immutable map is a third of a {@code HashMap}'s size (and a model already made so is kept as is).
   */
  private static Map<String, Object> compact(Map<String, @Nullable Object> model) {
    boolean nulls = false;
    for (Object value : model.values()) {
      nulls |= value == null;
    }
    if (!nulls) {
      return Map.copyOf(model); // (the same map when it is already an immutable one)
    }
    Map<String, Object> present = new HashMap<>();
    model.forEach(
        (key, value) -> {
          if (value != null) {
            present.put(key, value);
          }
        });
    return Map.copyOf(present);
  }
}
