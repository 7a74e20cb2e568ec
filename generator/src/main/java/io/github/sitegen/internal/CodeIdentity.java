package io.github.sitegen.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Which build of some code or resources is running: for a jar a hash of its entries (each one's
 * name, size and CRC-32: its content, not the times a build writes into the jar, so that the same
 * sources built again give the same identity, also for the command line's shaded jar, whose folder
 * entries carry the time of the build); for a folder of classes or resources (tests, an IDE) the
 * path, size and time of every file in it. A build cache made
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
      // the jar's content, not its time: CI rebuilding the same sources every run gets the same
      // identity, and keeps its cache. Hashed once per process (one jar holds the code and the
      // theme, and several caches ask)
      String stamp = describe(path, Files.readAttributes(path, BasicFileAttributes.class));
      try {
        // (a caller asking while another thread hashes the same jar waits for its result)
        return JARS.computeIfAbsent(
            stamp,
            s -> {
              try {
                return "jar " + entries(path);
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

  /**
   * A hash of a jar's entries in name order: each one's name, size and CRC-32, as its central
   * directory gives them (the JVM has that directory in memory already for a jar on the class
   * path); a file that is not a zip, its bytes.
   */
  private static String entries(Path jar) throws IOException {
    List<ZipEntry> entries;
    try (var zip = new ZipFile(jar.toFile())) {
      entries = new ArrayList<>(Collections.list(zip.entries()));
    } catch (ZipException e) {
      return hex(Files.readAllBytes(jar));
    }
    entries.sort(Comparator.comparing(ZipEntry::getName));
    var hash = new Murmur3();
    for (ZipEntry entry : entries) {
      byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
      hash.update(name.length);
      hash.update(name);
      hash.update(entry.getSize());
      hash.update(entry.getCrc());
    }
    return HexFormat.of().formatHex(hash.digest());
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
