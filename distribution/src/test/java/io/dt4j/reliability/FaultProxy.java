package io.dt4j.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy between two daemons that injects faults: latency per chunk, a bandwidth cap,
 * a stall (no bytes either way) until a deadline, a reset (RST through SO_LINGER 0) or a half-close
 * of every open connection. Each direction of a connection is one daemon thread.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket[]> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile long latencyMillis;
  private volatile long bytesPerSecond;
  private volatile long stalledUntilNanos = System.nanoTime();

  public FaultProxy(int targetPort) throws IOException {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  public void latency(Duration latency) {
    this.latencyMillis = latency.toMillis();
  }

  /** Caps each direction of each connection; 0 lifts the cap. */
  public void bandwidth(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** No byte moves either way for {@code duration}; connections stay open. */
  public void stall(Duration duration) {
    stalledUntilNanos = System.nanoTime() + duration.toNanos();
  }

  /** Resets every open connection on both sides (RST, not FIN). */
  public int resetAll() {
    return closeAll(true);
  }

  /** Closes the output of both sockets of every connection (FIN), leaving their input open. */
  public int halfCloseAll() {
    int count = 0;
    for (Socket[] pair : connections) {
      for (Socket socket : pair) {
        try {
          socket.shutdownOutput();
        } catch (IOException ignored) {
          // already gone
        }
      }
      count++;
    }
    return count;
  }

  private int closeAll(boolean reset) {
    int count = 0;
    for (Socket[] pair : connections) {
      for (Socket socket : pair) {
        close(socket, reset);
      }
      connections.remove(pair);
      count++;
    }
    return count;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        try {
          upstream.connect(target, 5_000);
        } catch (IOException e) {
          close(client, true);
          continue;
        }
        Socket[] pair = {client, upstream};
        connections.add(pair);
        accepted.incrementAndGet();
        daemon(() -> pump(client, upstream, pair));
        daemon(() -> pump(upstream, client, pair));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, Socket[] pair) {
    byte[] buffer = new byte[CHUNK];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        delay(n);
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException | InterruptedException e) {
      close(from, true);
      close(to, true);
      connections.remove(pair);
    }
  }

  private void delay(int bytes) throws InterruptedException {
    long stall = stalledUntilNanos - System.nanoTime();
    if (stall > 0) {
      Thread.sleep(stall / 1_000_000 + 1);
    }
    long wait = latencyMillis;
    long rate = bytesPerSecond;
    if (rate > 0) {
      wait += bytes * 1000L / rate;
    }
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "fault-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket, boolean reset) {
    try {
      if (reset && !socket.isClosed()) {
        socket.setSoLinger(true, 0);
      }
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    closeAll(true);
  }
}
