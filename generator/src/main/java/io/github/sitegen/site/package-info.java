@NullMarked
package io.github.sitegen.site;

import org.jspecify.annotations.NullMarked;
