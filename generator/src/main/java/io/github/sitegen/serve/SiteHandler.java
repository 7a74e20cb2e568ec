package io.github.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Serves the built site's files under the base path, and the reload script. HTML responses get a
 * {@code <script src>} tag before {@code </body>} (the files on disk stay as built); while the last
 * build failed, every page is the error.
 */
final class SiteHandler implements HttpHandler {
  static final String RESERVED = "/_site-gen/";
  static final String SCRIPT_PATH = RESERVED + "reload.js";
  static final String EVENTS_PATH = RESERVED + "events";
  static final String SCRIPT_TAG = "<script src=\"" + SCRIPT_PATH + "\"></script>";

  private static final String RELOAD_JS =
      """
      // site-gen preview: reload when the site was rebuilt (served by `serve` only)
      (function () {
        var source = new EventSource("/_site-gen/events");
        source.addEventListener("reload", function () { location.reload(); });
      })();
      """;

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"));

  private final Path root;
  private final String basePath;
  private final Supplier<@Nullable String> buildError;

  /**
   * @param root the output folder
   * @param basePath the path the site lives under, starting and ending with {@code /}
   * @param buildError the last build's error message, or null when it succeeded
   */
  SiteHandler(Path root, String basePath, Supplier<@Nullable String> buildError) {
    this.root = root.toAbsolutePath().normalize();
    this.basePath = basePath;
    this.buildError = buildError;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals(SCRIPT_PATH)) {
        send(exchange, 200, "js", RELOAD_JS.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!path.startsWith(basePath)) {
        if (path.equals("/") || (path + "/").equals(basePath)) {
          redirect(exchange, basePath);
        } else {
          sendHtml(exchange, 404, notFound());
        }
        return;
      }
      Path file = root.resolve(path.substring(basePath.length())).normalize();
      if (!file.startsWith(root)) {
        sendHtml(exchange, 404, notFound());
        return;
      }
      if (Files.isDirectory(file)) {
        if (!path.endsWith("/")) {
          redirect(exchange, path + "/");
          return;
        }
        file = file.resolve("index.html");
      }
      String extension = extension(file);
      String error = buildError.get();
      if (error != null && (extension.equals("html") || !Files.isRegularFile(file))) {
        sendHtml(exchange, 500, errorPage(error));
        return;
      }
      if (!Files.isRegularFile(file)) {
        sendHtml(exchange, 404, notFound());
        return;
      }
      byte[] body = Files.readAllBytes(file);
      if (extension.equals("html")) {
        sendHtml(exchange, 200, new String(body, StandardCharsets.UTF_8));
      } else {
        send(exchange, 200, extension, body);
      }
    }
  }

  private String notFound() throws IOException {
    Path page = root.resolve("404.html");
    return Files.isRegularFile(page)
        ? Files.readString(page, StandardCharsets.UTF_8)
        : "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>";
  }

  /** The page shown for every HTML request while the last build failed. */
  static String errorPage(String message) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>site-gen: build failed</title></head>\n<body>"
        + "<h1>site-gen: the build failed</h1>\n<pre>"
        + escape(message)
        + "</pre>\n<p>Fix the file and save it: this page reloads by itself.</p>\n</body></html>\n";
  }

  /** {@code html} with the reload script tag before its last {@code </body>}, or at its end. */
  static String inject(String html) {
    int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    return at < 0 ? html + SCRIPT_TAG : html.substring(0, at) + SCRIPT_TAG + html.substring(at);
  }

  private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
    send(exchange, status, "html", inject(html).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String extension, byte[] body)
      throws IOException {
    exchange
        .getResponseHeaders()
        .set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", URI.create(location).toASCIIString());
    exchange.sendResponseHeaders(302, -1);
  }

  private static String extension(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
