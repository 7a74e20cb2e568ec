package io.github.sitegen.cli;

import io.github.sitegen.markdown.HtmlToMarkdown;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code site-gen convert}: HTML to Markdown with the archive's converter, on its own. Without
 * arguments it reads one HTML document (UTF-8) on standard input and writes its Markdown on
 * standard output; with {@code IN_DIR OUT_DIR} it converts every {@code *.html} file of {@code
 * IN_DIR} into a {@code *.md} file of the same base name in {@code OUT_DIR}, in parallel.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts HTML to Markdown: standard input to standard output, or every *.html file of"
          + " IN_DIR to a *.md file of the same name in OUT_DIR.",
      "Scripts, styles, forms, event handlers, script URLs and tracking pixels are dropped;"
          + " nothing is fetched."
    })
final class ConvertCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..2",
      paramLabel = "IN_DIR OUT_DIR",
      description = "Folder of *.html files (read only) and folder for the *.md files (created).")
  private List<Path> folders = List.of();

  @Option(
      names = "--base-url",
      paramLabel = "<url>",
      converter = AbsoluteUrl.class,
      description = "Absolute URL relative links and images are resolved against (default: none).")
  private @Nullable URI baseUrl;

  private final InputStream in;
  private final OutputStream out;

  ConvertCommand() {
    this(System.in, System.out);
  }

  /** For tests: standard input and output. */
  ConvertCommand(InputStream in, OutputStream out) {
    this.in = in;
    this.out = out;
  }

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var converter = new HtmlToMarkdown();
    String base = baseUrl == null ? "" : baseUrl.toString();
    if (folders.size() == 1) {
      throw new ParameterException(
          spec.commandLine(),
          "expected both IN_DIR and OUT_DIR, found only \"" + folders.get(0) + "\"");
    }
    if (folders.isEmpty()) {
      try {
        String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        out.write(converter.convert(html, base).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return 0;
      } catch (IOException e) {
        err.println("cannot convert standard input: " + e);
        return 1;
      }
    }
    Path inDir = folders.get(0);
    Path outDir = folders.get(1);
    if (!Files.isDirectory(inDir)) {
      err.println(inDir + ": expected a folder of *.html files, found none");
      return 1;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(inDir)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".html"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
      Files.createDirectories(outDir);
    } catch (IOException e) {
      err.println("cannot convert " + inDir + " to " + outDir + ": " + e);
      return 1;
    }
    List<String> failures =
        files.parallelStream()
            .map(file -> convertFile(converter, file, outDir, base))
            .filter(message -> !message.isEmpty())
            .toList();
    failures.forEach(err::println);
    spec.commandLine()
        .getOut()
        .println(
            "Converted "
                + (files.size() - failures.size())
                + " of "
                + files.size()
                + " HTML files to "
                + outDir);
    return failures.isEmpty() ? 0 : 1;
  }

  /** Converts one file; returns {@code ""} or what went wrong. */
  private static String convertFile(HtmlToMarkdown converter, Path file, Path outDir, String base) {
    String name = file.getFileName().toString();
    Path target = outDir.resolve(name.substring(0, name.length() - ".html".length()) + ".md");
    try {
      String html = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      Files.writeString(target, converter.convert(html, base), StandardCharsets.UTF_8);
      return "";
    } catch (IOException e) {
      return file + ": cannot convert to " + target + ": " + e;
    }
  }

  /** An absolute URL (with a scheme), kept as given. */
  static final class AbsoluteUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI uri = new URI(value.strip());
        if (uri.isAbsolute() && uri.getScheme() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw new TypeConversionException(
          "expected an absolute URL such as \"https://example.org/2026/article.html\", found \""
              + value
              + "\"");
    }
  }
}
