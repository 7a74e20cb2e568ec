package io.github.sitegen.site.model;

import java.util.List;

/**
 * One entry of the Atom feed.
 *
 * @param article the article
 * @param id a unique absolute IRI (the article id, or a {@code urn:sha1:} made from it)
 * @param published RFC 3339 publication date
 * @param updated RFC 3339 last change (the publication date when never changed)
 * @param alternate the archived page: absolute when the site has a base URL, else relative
 * @param authors author names
 */
public record FeedEntry(
    ArticleView article,
    String id,
    String published,
    String updated,
    String alternate,
    List<String> authors) {}
