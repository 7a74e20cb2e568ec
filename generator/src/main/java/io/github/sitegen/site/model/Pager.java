package io.github.sitegen.site.model;

import org.jspecify.annotations.Nullable;

/**
 * Where a page of a paginated list stands.
 *
 * @param number this page, from 1
 * @param count number of pages, at least 1
 * @param previous the page before (newer articles), or null on the first
 * @param next the page after (older articles), or null on the last
 */
public record Pager(int number, int count, @Nullable String previous, @Nullable String next) {}
