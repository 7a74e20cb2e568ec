package io.github.sitegen.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec file: {@code ##} sections holding examples, each an {@code html} fenced block
 * followed by a {@code markdown} fenced block. The html fence may say {@code base=<uri>}; the
 * markdown fence may say {@code no-roundtrip}. Fences may be longer than three backticks. In both
 * blocks {@code ␣} stands for a no-break space (U+00A0), which would be invisible in the file.
 */
final class SpecReader {

  private SpecReader() {}

  static List<SpecExample> read(String resource) {
    String file = resource.substring(resource.lastIndexOf('/') + 1);
    try (InputStream in = SpecReader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  static List<SpecExample> parse(String file, String text) {
    String[] lines = text.split("\n", -1);
    List<SpecExample> examples = new ArrayList<>();
    String section = "";
    int number = 0;
    String html = null;
    String baseUri = "";
    int htmlLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
        number = 0;
        continue;
      }
      if (!line.startsWith("```")) {
        continue;
      }
      int ticks = 0;
      while (ticks < line.length() && line.charAt(ticks) == '`') {
        ticks++;
      }
      String fence = line.substring(0, ticks);
      String[] info = line.substring(ticks).strip().split("\\s+");
      StringBuilder body = new StringBuilder();
      int start = i;
      i++;
      while (i < lines.length && !lines[i].equals(fence)) {
        body.append(lines[i].replace('␣', '\u00a0')).append('\n');
        i++;
      }
      if (i == lines.length) {
        throw new IllegalArgumentException(file + ":" + (start + 1) + ": unclosed fence");
      }
      if (info[0].equals("html")) {
        html = body.toString();
        htmlLine = start + 1;
        baseUri = "";
        for (String option : info) {
          if (option.startsWith("base=")) {
            baseUri = option.substring(5);
          }
        }
      } else if (info[0].equals("markdown")) {
        if (html == null) {
          throw new IllegalArgumentException(
              file + ":" + (start + 1) + ": markdown block without an html block before it");
        }
        boolean roundTrip = !List.of(info).contains("no-roundtrip");
        examples.add(
            new SpecExample(
                file, section, ++number, htmlLine, html, baseUri, body.toString(), roundTrip));
        html = null;
      }
    }
    return examples;
  }
}
