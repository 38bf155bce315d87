package io.dt4j.daemon.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One admin request and its reply: the body read with a size limit and parsed strictly, replies and
 * errors written as JSON.
 */
public final class JsonExchange {
  /** What an endpoint returns when it wrote the response itself (the event stream). */
  public static final Object HANDLED = new Object();

  private static final int MAX_QUERY = 2048;

  private final HttpExchange exchange;
  private final int maxBodyBytes;

  /**
   * @param exchange the exchange
   * @param maxBodyBytes the largest body read
   */
  public JsonExchange(HttpExchange exchange, int maxBodyBytes) {
    this.exchange = exchange;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Returns the underlying exchange. */
  public HttpExchange exchange() {
    return exchange;
  }

  /**
   * Returns a query parameter.
   *
   * @param name the parameter
   * @return its decoded value, if given
   * @throws ApiException if the query is too long or malformed
   */
  public Optional<String> query(String name) {
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.length() > MAX_QUERY) {
      throw ApiException.badRequest("query longer than " + MAX_QUERY + " characters");
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed query: " + e.getMessage());
    }
  }

  /**
   * Reads the JSON body as a request type; unknown fields are an error.
   *
   * @param type the request record
   * @param <T> its type
   * @return the request
   * @throws ApiException 413 if the body is larger than allowed, 400 if it is not the JSON expected
   */
  public <T> T body(Class<T> type) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBodyBytes) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(maxBodyBytes + 1);
    }
    if (bytes.length > maxBodyBytes) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      throw ApiException.badRequest("a JSON request body is required");
    }
    try {
      return ApiJson.MAPPER
          .readerFor(type)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(bytes);
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(
          "request body: unknown field '"
              + e.getPropertyName()
              + "' (known: "
              + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()
              + ")");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("request body: " + ApiJson.brief(e));
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413,
        "too_large",
        "request body larger than " + maxBodyBytes + " bytes (admin.max-body-bytes)",
        java.util.List.of());
  }

  /**
   * Replies with a JSON body and closes the exchange.
   *
   * @param status the HTTP status
   * @param body the reply, serialised with {@link ApiJson#MAPPER}
   */
  public void reply(int status, Object body) throws IOException {
    byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Replies with an error and closes the exchange. */
  public void fail(ApiException error) throws IOException {
    if (error.status() == 401) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"dt4j\"");
    }
    reply(error.status(), error.reply());
  }
}
