package io.dt4j.daemon.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's endpoints by path and method, and the one place where a request becomes a reply
 * or an error. Paths are {@code /api/v0/<Method>}, named after lotus's JSON-RPC methods where lotus
 * has one (CLI-CONVENTIONS §5 item 5).
 */
final class Routes implements HttpHandler {
  /** Where every endpoint lives. */
  static final String PREFIX = "/api/v0/";

  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  /** One endpoint: reads the request from the exchange, returns the reply body. */
  @FunctionalInterface
  interface Endpoint {
    Object handle(JsonExchange exchange) throws Exception;
  }

  private final Map<String, Map<String, Endpoint>> byPath = new TreeMap<>();
  private final int maxBodyBytes;

  Routes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Adds {@code GET /api/v0/<name>}. */
  Routes get(String name, Endpoint endpoint) {
    return add("GET", name, endpoint);
  }

  /** Adds {@code POST /api/v0/<name>}. */
  Routes post(String name, Endpoint endpoint) {
    return add("POST", name, endpoint);
  }

  private Routes add(String method, String name, Endpoint endpoint) {
    byPath.computeIfAbsent(PREFIX + name, p -> new LinkedHashMap<>()).put(method, endpoint);
    return this;
  }

  /** Returns every endpoint as path to its methods, for tests that must cover them all. */
  Map<String, Set<String>> endpoints() {
    Map<String, Set<String>> endpoints = new TreeMap<>();
    byPath.forEach((path, methods) -> endpoints.put(path, Set.copyOf(methods.keySet())));
    return endpoints;
  }

  @Override
  public void handle(HttpExchange http) throws IOException {
    JsonExchange exchange = new JsonExchange(http, maxBodyBytes);
    try {
      Object reply = endpoint(http).handle(exchange);
      if (reply != JsonExchange.HANDLED) {
        exchange.reply(200, reply);
      }
    } catch (Exception e) {
      ApiException error = ApiErrors.of(e);
      if (error.status() >= 500) {
        LOG.warn(
            "{} {}: {}", http.getRequestMethod(), http.getRequestURI().getPath(), e.toString());
      }
      exchange.fail(error);
    } finally {
      http.close();
    }
  }

  private Endpoint endpoint(HttpExchange http) {
    String path = http.getRequestURI().getPath();
    Map<String, Endpoint> methods = byPath.get(path);
    if (methods == null) {
      throw ApiException.notFound(
          "no endpoint " + path + " (the endpoints are listed in docs/admin-api.md)");
    }
    Endpoint endpoint = methods.get(http.getRequestMethod());
    if (endpoint == null) {
      http.getResponseHeaders().set("Allow", String.join(", ", methods.keySet()));
      throw new ApiException(
          405,
          "method_not_allowed",
          path + " takes " + String.join(" or ", methods.keySet()),
          java.util.List.of());
    }
    return endpoint;
  }
}
