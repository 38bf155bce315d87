package io.dt4j.benchmarks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A client of a daemon's admin API ({@code docs/admin-api.md}): JSON in and out with the token of
 * the daemon's home; errors become {@link StepException}s with the API's message.
 */
final class AdminApi {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  AdminApi(Path home) throws IOException {
    this.base = URI.create(Files.readString(home.resolve("admin.url")).strip() + "/api/v0/");
    this.authorization = "Bearer " + Files.readString(home.resolve("token")).strip();
  }

  /** {@code POST /api/v0/<method>} with a JSON body. */
  JsonNode post(String method, Object body, Duration timeout)
      throws StepException, IOException, InterruptedException {
    HttpRequest request =
        request(method, timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
    return reply(method, http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** {@code GET /api/v0/<method>?<name>=<value>}. */
  JsonNode get(String method, String name, String value, Duration timeout)
      throws StepException, IOException, InterruptedException {
    String query = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(method + "?" + query))
            .header("Authorization", authorization)
            .timeout(timeout)
            .GET()
            .build();
    return reply(method, http.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static JsonNode reply(String method, HttpResponse<String> response)
      throws StepException, IOException {
    if (response.statusCode() != 200) {
      throw new StepException(
          method + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** {@code GET /api/v0/events}: the Server-Sent Events lines, until closed. */
  Stream<String> events() throws StepException, IOException, InterruptedException {
    HttpRequest request = request("events", null).GET().build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new StepException("events answered " + response.statusCode());
    }
    return response.body();
  }

  private HttpRequest.Builder request(String method, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(method)).header("Authorization", authorization);
    return timeout == null ? builder : builder.timeout(timeout);
  }
}
