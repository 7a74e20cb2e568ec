package io.github.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server-sent event stream open pages listen to: {@code event: reload} after every build that
 * changed the site or its error (see {@link PreviewServer}). Each listener holds one server thread,
 * so their number is capped; a comment line every 15 seconds finds the listeners that went away.
 */
final class ReloadEvents implements HttpHandler {
  static final int MAX_LISTENERS = 16;
  private static final String CLOSE = "";
  private static final long PING_SECONDS = 15;

  private final Set<BlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Tells every open page to reload; {@code id} numbers the build. */
  void reload(int id) {
    for (BlockingQueue<String> queue : listeners) {
      queue.offer("event: reload\ndata: " + id + "\n\n");
    }
  }

  /** Ends every stream; later requests are refused. */
  void close() {
    closed = true;
    listeners.forEach(queue -> queue.offer(CLOSE));
  }

  int listeners() {
    return listeners.size();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (closed || listeners.size() >= MAX_LISTENERS) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      var queue = new LinkedBlockingQueue<String>();
      listeners.add(queue);
      try {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, "retry: 1000\n\n");
        while (!closed) {
          String event = queue.poll(PING_SECONDS, TimeUnit.SECONDS);
          if (event == CLOSE) {
            break;
          }
          write(out, event == null ? ": ping\n\n" : event);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the page was closed or reloaded: this listener is done
      } finally {
        listeners.remove(queue);
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
