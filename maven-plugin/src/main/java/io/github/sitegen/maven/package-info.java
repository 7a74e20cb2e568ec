/**
 * The site-gen Maven plugin: thin goals over the generator library. {@code site-gen:import} merges
 * feed snapshots into the Markdown archive, {@code site-gen:generate} renders the archive to a
 * static site; declared with {@code <extensions>true</extensions>}, the plugin also adds the {@code
 * site-gen} lifecycle phase that runs both, so {@code mvn site-gen} works.
 */
@NullMarked
package io.github.sitegen.maven;

import org.jspecify.annotations.NullMarked;
