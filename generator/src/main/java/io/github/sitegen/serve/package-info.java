/**
 * Local preview: {@link io.github.sitegen.serve.PreviewServer} builds the site, serves it on
 * 127.0.0.1 under its base URL's path, rebuilds when the archive, the snapshots or the theme
 * change, and tells open pages to reload.
 */
@NullMarked
package io.github.sitegen.serve;

import org.jspecify.annotations.NullMarked;
