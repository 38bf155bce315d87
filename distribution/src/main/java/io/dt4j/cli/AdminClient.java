package io.dt4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dt4j.daemon.AdminToken;
import io.dt4j.daemon.AdminTokenException;
import io.dt4j.daemon.DaemonLock;
import io.dt4j.daemon.Dt4jHome;
import io.dt4j.daemon.admin.ApiError;
import io.dt4j.daemon.admin.ApiJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CLI's side of the admin API: finds the daemon and its token, sends requests, and turns every
 * failure into one {@link CliException} line with the right exit code.
 */
final class AdminClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final URI api;
  private final AdminToken token;
  private final Path tokenFile;
  private final HttpClient http;

  private AdminClient(URI api, AdminToken token, Path tokenFile) {
    this.api = api;
    this.token = token;
    this.tokenFile = tokenFile;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * Finds the daemon of a home, or the one the options name.
   *
   * @param options {@code --api}, {@code --token-file}
   * @param home the home
   * @return a client
   * @throws CliException if no daemon is known or the token cannot be read
   */
  static AdminClient of(DaemonOptions options, Dt4jHome home) {
    URI api = options.explicitApi();
    if (api == null) {
      api = urlOf(home);
    }
    if (!"http".equals(api.getScheme()) || api.getHost() == null) {
      throw new CliUsageException("admin API URL must be http://HOST:PORT, not " + api);
    }
    Path tokenFile = options.explicitTokenFile();
    if (tokenFile == null) {
      tokenFile = home.tokenFile();
    }
    try {
      return new AdminClient(api, AdminToken.read(tokenFile), tokenFile);
    } catch (AdminTokenException e) {
      throw new CliException(e.getMessage(), ExitCode.ERROR);
    }
  }

  /** Whether to talk to a daemon: one is named, or one runs on the home. */
  static boolean daemonWanted(DaemonOptions options, Dt4jHome home) {
    return options.explicitApi() != null || DaemonLock.isHeld(home);
  }

  private static URI urlOf(Dt4jHome home) {
    Path file = home.adminUrlFile();
    String hint = "start one with 'dt4j daemon --home " + home + "', or give --api URL";
    if (!DaemonLock.isHeld(home) || !Files.isRegularFile(file)) {
      throw new CliException("no dt4j daemon is running on " + home + ": " + hint, ExitCode.ERROR);
    }
    try {
      return URI.create(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), ExitCode.ERROR);
    }
  }

  /** Returns the admin API's URL. */
  URI api() {
    return api;
  }

  /** {@code GET /api/v0/<method>?query}. */
  <T> T get(String method, Map<String, String> query, Class<T> type) {
    String q =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(request(method + (q.isEmpty() ? "" : "?" + q)).GET().build(), type);
  }

  /** {@code POST /api/v0/<method>} with a JSON body. */
  <T> T post(String method, Object body, Class<T> type) {
    byte[] json;
    try {
      json = ApiJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return send(
        request(method)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build(),
        type);
  }

  /**
   * Opens {@code GET /api/v0/events}; returns once the daemon has registered the stream, so no
   * event after this call is missed.
   *
   * @return the feed; close it to leave
   */
  EventFeed events() {
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve("/api/v0/events"))
            .header("Authorization", "Bearer " + token.value())
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      try (Stream<String> body = response.body()) {
        throw failure(response.statusCode(), body.collect(Collectors.joining("\n")));
      }
    }
    return new EventFeed(response.body());
  }

  /** Reads a JSON document the daemon sent. */
  static <T> T parse(String json, Class<T> type) {
    try {
      return ApiJson.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new CliException(
          "unexpected reply from the daemon: " + e.getOriginalMessage(), ExitCode.ERROR);
    }
  }

  private HttpRequest.Builder request(String method) {
    return HttpRequest.newBuilder(api.resolve("/api/v0/" + method))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token.value())
        .header("Accept", "application/json");
  }

  private <T> T send(HttpRequest request, Class<T> type) {
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw failure(response.statusCode(), response.body());
    }
    return parse(response.body(), type);
  }

  private <B> HttpResponse<B> exchange(HttpRequest request, HttpResponse.BodyHandler<B> handler) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("connection timed out", ExitCode.ERROR);
    } catch (HttpTimeoutException e) {
      throw new CliException(
          "the daemon at " + api + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s",
          ExitCode.TIMEOUT);
    } catch (ConnectException e) {
      throw unreachable("connection refused", ExitCode.ERROR);
    } catch (IOException e) {
      throw unreachable(e.getMessage() != null ? e.getMessage() : e.toString(), ExitCode.ERROR);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", ExitCode.ERROR);
    }
  }

  private CliException unreachable(String why, int exitCode) {
    return new CliException(
        "cannot reach the dt4j daemon at "
            + api
            + " ("
            + why
            + "): is 'dt4j daemon' running? (check --api, or start the daemon)",
        exitCode);
  }

  private CliException failure(int status, String body) {
    ApiError error;
    try {
      error = ApiJson.MAPPER.readValue(body, ApiError.Reply.class).error();
    } catch (JsonProcessingException e) {
      error = null;
    }
    if (error == null || error.code() == null) {
      return new CliException("the daemon at " + api + " answered HTTP " + status, ExitCode.ERROR);
    }
    String message =
        switch (error.code()) {
          case "unauthorized" ->
              "the daemon at "
                  + api
                  + " refused the token in "
                  + tokenFile
                  + " (401): it is not this daemon's token; use the daemon's <home>/token";
          case "forbidden" ->
              "the daemon at " + api + " refused this client (403): " + error.message();
          default -> error.message();
        };
    List<String> candidates = error.candidates() == null ? List.of() : error.candidates();
    return new CliException(message, exitCodeOf(error.code()), candidates);
  }

  static int exitCodeOf(String code) {
    return switch (code) {
      case "bad_request", "too_large" -> ExitCode.USAGE;
      case "not_found", "ambiguous" -> ExitCode.NOT_FOUND;
      case "timeout" -> ExitCode.TIMEOUT;
      default -> ExitCode.ERROR;
    };
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
