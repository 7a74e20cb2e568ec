@NullMarked
package io.github.sitegen.feed;

import org.jspecify.annotations.NullMarked;
