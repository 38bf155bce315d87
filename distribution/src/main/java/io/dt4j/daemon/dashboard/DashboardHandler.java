package io.dt4j.daemon.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves the web dashboard on the admin port: {@code /} redirects to {@link DashboardAssets#BASE},
 * the files under it come from the jar. The files hold no data, so no token is asked for them;
 * every call the page makes goes to the admin API, which asks for it. The page may load only its
 * own files and talk only to its own origin (Content-Security-Policy).
 */
public final class DashboardHandler implements HttpHandler {
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Headers headers = exchange.getResponseHeaders();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        headers.set("Allow", "GET, HEAD");
        text(exchange, 405, "the dashboard's files take GET\n");
        return;
      }
      if (path.equals("/") || path.equals("/ui")) {
        headers.set("Location", DashboardAssets.BASE);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      Optional<DashboardAssets.Asset> asset = DashboardAssets.find(path);
      if (asset.isEmpty()) {
        text(
            exchange,
            404,
            "no such page: "
                + path
                + " (the dashboard is at "
                + DashboardAssets.BASE
                + ", the API under /api/v0/)\n");
        return;
      }
      headers.set("Content-Type", asset.get().contentType());
      headers.set("Cache-Control", "no-cache");
      headers.set("Content-Security-Policy", POLICY);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Referrer-Policy", "no-referrer");
      byte[] bytes = asset.get().bytes();
      boolean head = method.equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
