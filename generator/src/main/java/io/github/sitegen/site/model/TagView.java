package io.github.sitegen.site.model;

/**
 * A tag and its page.
 *
 * @param name the tag as written in the archive (the first spelling met, for tags sharing a slug)
 * @param slug the URL-safe name
 * @param path the tag's first page
 * @param count articles carrying the tag
 */
public record TagView(String name, String slug, String path, int count) {}
