package io.github.sitegen.site.model;

import org.jspecify.annotations.Nullable;

/**
 * Where a page of a paginated list stands. Pages are numbered from the oldest, so that a page keeps
 * its number, its URL and its articles when newer articles arrive: page 1 holds the oldest
 * articles, and the first page (the list's {@code index.html}) the newest, with the highest number.
 * There is no page count: it would change every page whenever the list grows by a page.
 *
 * @param number this page's number, from 1 (the oldest articles)
 * @param first whether this is the list's first page, its {@code index.html}, with the newest
 *     articles
 * @param previous the page before (newer articles), or null on the first
 * @param next the page after (older articles), or null on page 1
 */
public record Pager(int number, boolean first, @Nullable String previous, @Nullable String next) {}
