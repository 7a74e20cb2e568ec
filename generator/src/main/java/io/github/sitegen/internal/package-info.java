/** Helpers shared by the pipeline's packages; not API: callers outside site-gen must not use them. */
@NullMarked
package io.github.sitegen.internal;

import org.jspecify.annotations.NullMarked;
