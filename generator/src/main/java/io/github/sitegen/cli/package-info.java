@NullMarked
package io.github.sitegen.cli;

import org.jspecify.annotations.NullMarked;
