package io.github.sitegen.images;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for image tests: each path answers with a fixed status, type and
 * body; every request's path is recorded. Close it after the test.
 */
public final class ImageServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  public ImageServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  /** Serves {@code body} with status 200 and this content type; chunked when {@code chunked}. */
  public ImageServer serve(String path, String contentType, byte[] body, boolean chunked) {
    return handle(path, 200, contentType, body, null, chunked);
  }

  public ImageServer serve(String path, String contentType, byte[] body) {
    return serve(path, contentType, body, false);
  }

  /** Answers with a status and no body. */
  public ImageServer status(String path, int status) {
    return handle(path, status, "text/plain", new byte[0], null, false);
  }

  /** Sends the headers of an image, then nothing until the server is closed. */
  public ImageServer stall(String path) {
    server.createContext(
        path,
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, 1000);
          try {
            closed.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    return this;
  }

  /** Redirects (302) to {@code location}. */
  public ImageServer redirect(String path, String location) {
    return handle(path, 302, "text/plain", new byte[0], location, false);
  }

  private ImageServer handle(
      String path, int status, String type, byte[] body, String location, boolean chunked) {
    server.createContext(
        path,
        exchange -> {
          requests.add(exchange.getRequestURI().getPath());
          exchange.getResponseHeaders().set("Content-Type", type);
          if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
          }
          long length = body.length == 0 ? -1 : chunked ? 0 : body.length;
          exchange.sendResponseHeaders(status, length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          } catch (IOException e) {
            // the client hung up (a body over its limit): nothing more to send
          }
        });
    return this;
  }

  /** The URL of a path on this server, e.g. {@code http://127.0.0.1:4711/a.webp}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The paths requested so far, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
