package io.github.sitegen.site.model;

/**
 * An author and their page.
 *
 * @param name the name as written in the archive (the first spelling met, for names sharing a slug)
 * @param slug the URL-safe name
 * @param path the author's first page
 * @param count articles by the author
 */
public record AuthorView(String name, String slug, String path, int count) {}
