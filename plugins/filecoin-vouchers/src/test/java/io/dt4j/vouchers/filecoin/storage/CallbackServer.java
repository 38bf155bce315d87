package io.dt4j.vouchers.filecoin.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A deal callback endpoint on loopback whose answer the test scripts. */
final class CallbackServer implements AutoCloseable {
  /** What the endpoint does with a request. */
  interface Answer {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Answer answer = respond(200, "");

  CallbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/deals",
        exchange -> {
          requests.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try (exchange) {
            answer.handle(exchange);
          }
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/deals");
  }

  List<String> requests() {
    return requests;
  }

  void answer(Answer answer) {
    this.answer = answer;
  }

  /** Answers with a status and a body. */
  static Answer respond(int status, String body) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    };
  }

  /** Never answers until the server closes. */
  Answer hang() {
    return exchange -> {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Answers 403 with a body far longer than the callback reads. */
  static Answer endlessRefusal() {
    return exchange -> {
      exchange.sendResponseHeaders(403, 0); // chunked
      OutputStream out = exchange.getResponseBody();
      byte[] chunk = "no ".repeat(1000).getBytes(StandardCharsets.UTF_8);
      try {
        for (int i = 0; i < 10_000; i++) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the client stopped reading, as it should
      }
    };
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
