/**
 * Archives the images articles refer to: finds them in Markdown ({@link
 * io.github.sitegen.images.ImageReferences}) and downloads them under content-hash names ({@link
 * io.github.sitegen.images.ImageDownloader}), with type and size limits and no private or loopback
 * hosts unless allowed. Knows nothing of articles: the archive package records what was saved.
 */
@NullMarked
package io.github.sitegen.images;

import org.jspecify.annotations.NullMarked;
