package io.github.sitegen.site.model;

/**
 * A tag or an author as an article names it: the name and where its page is. Unlike {@link
 * TagView} and {@link AuthorView} it holds no count, so that a page showing the article does not
 * change whenever another article gets the tag (the build cache renders again only what changed).
 *
 * @param name as written in the archive (the first spelling met, for names sharing a slug)
 * @param slug the URL-safe name
 * @param path its page
 */
public record NameLink(String name, String slug, String path) {}
