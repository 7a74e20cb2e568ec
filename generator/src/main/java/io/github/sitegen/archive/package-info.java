@NullMarked
package io.github.sitegen.archive;

import org.jspecify.annotations.NullMarked;
