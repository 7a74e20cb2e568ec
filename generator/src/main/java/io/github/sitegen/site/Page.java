package io.github.sitegen.site;

import java.time.OffsetDateTime;
import java.util.Collections;
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
    model = Collections.unmodifiableMap(new HashMap<>(model));
    bodies = List.copyOf(bodies);
  }
}
