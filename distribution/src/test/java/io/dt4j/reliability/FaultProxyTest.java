package io.dt4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy in front of an echo server on loopback. */
class FaultProxyTest {
  private ServerSocket echo;
  private FaultProxy proxy;

  @BeforeEach
  void startEchoBehindAProxy() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try (Socket s = echo.accept()) {
                  s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException ignored) {
                  // next client
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    proxy = new FaultProxy(echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void bytesGoThroughBothWays() throws IOException {
    try (Socket client = connect()) {
      client.getOutputStream().write("hello".getBytes());

      assertThat(client.getInputStream().readNBytes(5)).isEqualTo("hello".getBytes());
      assertThat(proxy.accepted()).isEqualTo(1);
    }
  }

  @Test
  void resetAllBreaksTheConnectionWithAnError() throws IOException {
    try (Socket client = connect()) {
      client.getOutputStream().write(1);
      client.getInputStream().read();

      assertThat(proxy.resetAll()).isEqualTo(1);

      assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketException.class);
    }
  }

  @Test
  void halfCloseAllEndsTheStreamTheClientReads() throws IOException {
    try (Socket client = connect()) {
      client.getOutputStream().write(1);
      InputStream in = client.getInputStream();
      in.read();

      assertThat(proxy.halfCloseAll()).isEqualTo(1);

      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void latencyDelaysEachDirection() throws IOException {
    proxy.latency(Duration.ofMillis(150));
    try (Socket client = connect()) {
      long sent = System.nanoTime();
      client.getOutputStream().write(1);

      assertThat(client.getInputStream().read()).isEqualTo(1);
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .as("a round trip crosses the proxy twice")
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void stallHoldsTheBytesUntilItEnds() throws IOException {
    try (Socket client = connect()) {
      proxy.stall(Duration.ofMillis(400));
      long sent = System.nanoTime();
      client.getOutputStream().write(2);

      assertThat(client.getInputStream().read()).isEqualTo(2);
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(10_000);
    return socket;
  }
}
