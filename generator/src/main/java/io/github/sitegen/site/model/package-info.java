/**
 * The data model templates see: plain records, built by the site generator and exposed to
 * Freemarker. Paths are output paths relative to the site root ({@code
 * 2026/02/05/slug/index.html}); templates turn them into links with the {@code url(path)} helper,
 * never by concatenation.
 */
@NullMarked
package io.github.sitegen.site.model;

import org.jspecify.annotations.NullMarked;
