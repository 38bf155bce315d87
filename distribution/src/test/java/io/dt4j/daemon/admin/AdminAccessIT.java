package io.dt4j.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.daemon.TransfersFactory;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin endpoint, enumerated from the running server (so a new one cannot be forgotten), and
 * every unrouted path refuse clients without the bearer token; the API is on loopback by default.
 */
class AdminAccessIT {
  private static final List<String> BAD_AUTHORIZATIONS =
      java.util.Arrays.asList(
          null, "Bearer " + "0".repeat(64), "Bearer ", "Basic YWRtaW46YWRtaW4=");

  @TempDir static Path dir;
  private static TestDaemon daemon;

  @BeforeAll
  static void start() {
    daemon = TestDaemon.start(dir.resolve("home"), Map.of(), TransfersFactory.STORED);
  }

  @AfterAll
  static void stop() {
    daemon.close();
  }

  @Test
  void everyEndpointIncludingTheEventStreamsRefusesAClientWithoutTheToken() {
    Map<String, Set<String>> endpoints = daemon.daemon().server().endpoints();
    assertThat(endpoints).containsKeys("/api/v0/events", "/api/v0/DataTransferUpdates");
    assertThat(endpoints).hasSizeGreaterThan(15);

    List<String> served = new ArrayList<>();
    endpoints.forEach(
        (path, methods) -> {
          for (String method : methods) {
            for (String authorization : BAD_AUTHORIZATIONS) {
              int status = status(method, path, authorization);
              if (status != 401) {
                served.add(method + " " + path + " with " + authorization + ": " + status);
              }
            }
          }
        });

    assertThat(served).isEmpty();
  }

  @Test
  void unroutedPathsAreRefusedBeforeTheyAreLookedUp() {
    // under the API, the token comes first; elsewhere only the dashboard's files are served
    // (they hold no data): the root redirects to them, any other path is not found
    assertThat(status("GET", "/api/v0/Nope", null)).as("/api/v0/Nope").isEqualTo(401);
    HttpResponse<String> root = daemon.request("GET", "/", null, null);
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValue("/ui/");
    for (String path : List.of("/api/v1/ID", "/index.html", "/../token")) {
      assertThat(status("GET", path, null)).as(path).isIn(401, 404);
    }
  }

  @Test
  void theTokenOpensEveryReadOnlyEndpoint() {
    String token = "Bearer " + daemon.token();

    assertThat(status("GET", "/api/v0/ID", token)).isEqualTo(200);
    assertThat(status("GET", "/api/v0/Version", token)).isEqualTo(200);
  }

  @Test
  void theApiListensOnLoopbackByDefault() throws Exception {
    InetAddress host = InetAddress.getByName(daemon.daemon().url().getHost());

    assertThat(host.isLoopbackAddress()).isTrue();
    assertThat(daemon.daemon().node().config().adminAllowRemote()).isFalse();
  }

  private static int status(String method, String path, String authorization) {
    HttpResponse<String> response =
        daemon.request(method, path, method.equals("POST") ? "{}" : null, authorization);
    return response.statusCode();
  }
}
