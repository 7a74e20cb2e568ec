/**
 * site-gen: reads feed snapshots, keeps them as a Markdown archive and renders it to a static site.
 *
 * <p>The pipeline has one package per step: {@link io.github.sitegen.feed} reads snapshot files,
 * {@link io.github.sitegen.archive} merges them into the Markdown archive, {@link
 * io.github.sitegen.markdown} converts HTML to Markdown and back, {@link io.github.sitegen.site}
 * renders the site and {@link io.github.sitegen.cli} is the command-line adapter.
 */
@NullMarked
package io.github.sitegen;

import org.jspecify.annotations.NullMarked;
