@NullMarked
package io.github.sitegen.markdown;

import org.jspecify.annotations.NullMarked;
