package io.github.sitegen.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which build of some code or resources is running: for a jar a hash of its bytes (builds are
 * reproducible); for a folder of classes or resources (tests, an IDE) the path, size and time of
 * every file in it. A build cache made
 * by other code must not be trusted, even under the same version number (a snapshot).
 */
final class CodeIdentity {
  private CodeIdentity() {}

  /** The identity of the jar or folder {@code type} was loaded from. */
  static String of(Class<?> type) throws IOException {
    var source = type.getProtectionDomain().getCodeSource();
    return source == null ? "unknown" : of(source.getLocation());
  }

  /** The identity of a jar or folder given by URL ({@code file:} or {@code jar:file:…!/…}). */
  static String of(URL url) throws IOException {
    String text = url.toString();
    if (text.startsWith("jar:")) {
      int bang = text.indexOf("!/");
      text = text.substring(4, bang < 0 ? text.length() : bang);
    }
    Path path;
    try {
      path = Path.of(new URL(text).toURI());
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return text; // not a file: its address is all we have
    }
    if (Files.isRegularFile(path)) {
      // the jar's bytes, not its time: the build is reproducible, so CI rebuilding the same sources
      // every run gets the same jar, and keeps its cache
      var hash = new Murmur3();
      hash.update(Files.readAllBytes(path));
      return "jar " + java.util.HexFormat.of().formatHex(hash.digest());
    }
    var identity = new Fingerprint().add(path.toString());
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        identity.add(describe(file, Files.readAttributes(file, BasicFileAttributes.class)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return identity.hex();
  }

  private static String describe(Path file, BasicFileAttributes attributes) {
    return file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
  }
}
