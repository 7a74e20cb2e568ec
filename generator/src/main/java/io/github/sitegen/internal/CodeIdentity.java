package io.github.sitegen.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which build of some code or resources is running: for a jar a hash of its bytes (builds are
 * reproducible); for a folder of classes or resources (tests, an IDE) the path, size and time of
 * every file in it. A build cache made
 * by other code must not be trusted, even under the same version number (a snapshot).
 */
public final class CodeIdentity {
  private CodeIdentity() {}

  /** The identity of the jar or folder {@code type} was loaded from. */
  public static String of(Class<?> type) throws IOException {
    var source = type.getProtectionDomain().getCodeSource();
    return source == null ? "unknown" : of(source.getLocation());
  }

  /** The identity of a jar or folder given by URL ({@code file:} or {@code jar:file:…!/…}). */
  public static String of(URL url) throws IOException {
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
      // every run gets the same jar, and keeps its cache. Hashed once per process (one jar holds
      // the code and the theme, and several caches ask)
      String stamp = describe(path, Files.readAttributes(path, BasicFileAttributes.class));
      try {
        // (a caller asking while another thread hashes the same jar waits for its result)
        return JARS.computeIfAbsent(
            stamp,
            s -> {
              try {
                return "jar " + hex(Files.readAllBytes(path));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    var listing = new StringBuilder(path.toString());
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        listing.append('\n').append(describe(file, Files.readAttributes(file, BasicFileAttributes.class)));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return "folder " + hex(listing.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    var hash = new Murmur3();
    hash.update(bytes);
    return HexFormat.of().formatHex(hash.digest());
  }

  /** Jar identities by path, size and time. */
  private static final Map<String, String> JARS = new ConcurrentHashMap<>();

  private static String describe(Path file, BasicFileAttributes attributes) {
    return file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
  }
}
