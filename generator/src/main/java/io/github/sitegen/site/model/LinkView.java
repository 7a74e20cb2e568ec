package io.github.sitegen.site.model;

/**
 * A labelled link to another page of the site.
 *
 * @param label the link text
 * @param path the target page
 */
public record LinkView(String label, String path) {}
