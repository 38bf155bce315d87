package io.dt4j.daemon.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.daemon.FakeTransfers;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.TransfersFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP, on a daemon in this JVM: access, errors, bounds, events. */
class AdminApiIT {
  @TempDir static Path dir;
  private static TestDaemon daemon;
  private static TestDaemon peer;

  @BeforeAll
  static void start() {
    peer = TestDaemon.start(dir.resolve("peer"), Map.of(), TransfersFactory.STORED);
    daemon =
        TestDaemon.start(
            dir.resolve("home"),
            Map.of(Setting.TRANSPORT, "classpath-test", Setting.ADMIN_MAX_BODY_BYTES, "4096"),
            FakeTransfers.factory());
  }

  @AfterAll
  static void stop() {
    daemon.close();
    peer.close();
  }

  @Test
  void requestWithoutTokenIs401WithAChallenge() throws Exception {
    HttpResponse<String> response = daemon.request("GET", "/api/v0/ID", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"dt4j\"");
    assertThat(json(response).at("/error/code").asText()).isEqualTo("unauthorized");
  }

  @Test
  void requestWithAWrongTokenIs401() throws Exception {
    HttpResponse<String> response =
        daemon.request("GET", "/api/v0/ID", null, "Bearer " + "f".repeat(64));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void identityNamesPeerAddressesAndTransport() throws Exception {
    JsonNode id = json(daemon.authorized("GET", "/api/v0/ID", null));

    assertThat(id.get("peer_id").asText()).isEqualTo(daemon.daemon().node().peerId().toString());
    assertThat(id.get("addresses").get(0).asText()).isEqualTo(daemon.address());
    assertThat(id.get("transport").asText()).isEqualTo("classpath-test");
  }

  @Test
  void unknownEndpointWrongMethodAndUnknownFieldAreNamed() throws Exception {
    HttpResponse<String> missing = daemon.authorized("GET", "/api/v0/Nope", null);
    HttpResponse<String> method = daemon.authorized("POST", "/api/v0/ID", "{}");
    HttpResponse<String> field =
        daemon.authorized("POST", "/api/v0/NetConnect", "{\"adress\":\"x\"}");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.headers().firstValue("Allow")).contains("GET");
    assertThat(field.statusCode()).isEqualTo(400);
    assertThat(json(field).at("/error/message").asText())
        .isEqualTo("request body: unknown field 'adress' (known: [address])");
  }

  @Test
  void bodyLargerThanTheLimitIs413() throws Exception {
    String big = "{\"address\":\"" + "x".repeat(5000) + "\"}";

    HttpResponse<String> response = daemon.authorized("POST", "/api/v0/NetConnect", big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("too_large");
  }

  @Test
  void unreachablePeerIs502() throws Exception {
    String nobody = daemon.address().replaceFirst("/tcp/\\d+/", "/tcp/1/");

    HttpResponse<String> response =
        daemon.authorized("POST", "/api/v0/NetConnect", "{\"address\":\"" + nobody + "\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("unreachable");
  }

  @Test
  void eventStreamSendsEachEventAsAnSseDataLine() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(daemon.daemon().url() + "/api/v0/events"))
            .header("Authorization", "Bearer " + daemon.token())
            .build();
    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () ->
                stream
                    .body()
                    .takeWhile(line -> !line.contains("\"event\":\"Complete\""))
                    .forEach(lines::add));

    HttpResponse<String> opened =
        daemon.authorized(
            "POST",
            "/api/v0/OpenPullDataChannel",
            "{\"address\":\""
                + peer.address()
                + "\",\"root\":\"bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\","
                + "\"voucher_type\":\"dt4j/ExampleVoucher\",\"voucher\":[\"deal-1\",3000]}");
    reader.get(20, TimeUnit.SECONDS);
    stream.body().close();

    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    String channel = json(opened).get("channel").asText();
    assertThat(stream.headers().firstValue("Content-Type"))
        .contains("text/event-stream; charset=utf-8");
    assertThat(lines.get(0)).isEqualTo(": dt4j channel events");
    assertThat(lines).anyMatch(line -> line.matches("id: \\d+"));
    assertThat(lines)
        .filteredOn(line -> line.startsWith("data: "))
        .extracting(line -> json(line.substring(6)).get("event").asText())
        .containsSubsequence("Open", "Accept", "DataReceivedProgress");
    assertThat(lines)
        .filteredOn(line -> line.startsWith("data: "))
        .allMatch(line -> json(line.substring(6)).at("/channel/id").asText().equals(channel));
  }

  @Test
  void clientOnANonLoopbackAddressIsForbidden(@TempDir Path home) throws Exception {
    Optional<InetAddress> local = LocalAddresses.nonLoopback();
    assumeThat(local).as("a non-loopback IPv4 address on this machine").isPresent();
    try (TestDaemon open =
        TestDaemon.start(
            home, Map.of(Setting.ADMIN_LISTEN, "0.0.0.0:0"), TransfersFactory.STORED)) {
      URI url =
          URI.create(
              "http://"
                  + local.get().getHostAddress()
                  + ":"
                  + open.daemon().url().getPort()
                  + "/api/v0/ID");

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url)
                      .header("Authorization", "Bearer " + open.token())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(json(response).at("/error/code").asText()).isEqualTo("forbidden");
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  private static JsonNode json(String text) {
    try {
      return ApiJson.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
