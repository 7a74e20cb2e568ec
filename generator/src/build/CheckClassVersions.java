import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fails (exit 1) when a jar holds class files older than Java 6 (major version 50): the JVM's class
 * data sharing (the launcher's AppCDS archive) never archives them, so each run of the CLI would
 * load and link them again. Run by the generator's build on target/site-gen.jar:
 *
 * <pre>java src/build/CheckClassVersions.java target/site-gen.jar</pre>
 */
public final class CheckClassVersions {
  private static final int OLDEST = 50;

  public static void main(String[] args) throws IOException {
    List<String> old = new ArrayList<>();
    int classes = 0;
    try (ZipFile jar = new ZipFile(args[0])) {
      for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.endsWith(".class") || name.startsWith("META-INF/versions/")) {
          continue;
        }
        classes++;
        try (InputStream in = jar.getInputStream(entry)) {
          byte[] head = in.readNBytes(8);
          int major = head.length == 8 ? (head[6] & 0xff) << 8 | (head[7] & 0xff) : 0;
          if (major < OLDEST) {
            old.add(name + " (class file version " + major + ")");
          }
        }
      }
    }
    if (!old.isEmpty()) {
      System.err.println(
          args[0] + ": " + old.size() + " class files older than Java 6, which class data sharing"
              + " cannot archive; compile them from their sources as generator/pom.xml does for"
              + " picocli and JDOM. The first: " + old.subList(0, Math.min(10, old.size())));
      System.exit(1);
    }
    System.out.println(args[0] + ": " + classes + " class files, none older than Java 6");
  }
}
