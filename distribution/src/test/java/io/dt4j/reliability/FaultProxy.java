package io.dt4j.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy between two daemons that injects faults: a one-way latency (each chunk is
 * delivered that long after it was read, chunks in flight overlap, so latency does not cap the
 * throughput), a bandwidth cap, a stall (no bytes either way) until a deadline, a reset (RST
 * through SO_LINGER 0) or a half-close of every open connection. Each direction of a connection is
 * a reader thread and a writer thread with at most {@link #IN_TRANSIT_BYTES} between them.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;
  private static final int IN_TRANSIT_BYTES = 4 << 20;
  private static final byte[] END = new byte[0];

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile long latencyNanos;
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

  /** Delays every chunk by {@code latency} in each direction. */
  public void latency(Duration latency) {
    this.latencyNanos = latency.toNanos();
  }

  /** Caps each direction of each connection; 0 lifts the cap. */
  public void bandwidth(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** No byte moves either way for {@code duration}; connections stay open. */
  public void stall(Duration duration) {
    stalledUntilNanos = System.nanoTime() + duration.toNanos();
  }

  /** Resets every open connection on both sides (RST, not FIN); returns how many. */
  public int resetAll() {
    int count = 0;
    for (Connection connection : connections) {
      connection.reset();
      count++;
    }
    return count;
  }

  /** Closes the output of both sockets of every connection (FIN), leaving their input open. */
  public int halfCloseAll() {
    int count = 0;
    for (Connection connection : connections) {
      for (Socket socket : connection.sockets) {
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

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        try {
          upstream.connect(target, 5_000);
        } catch (IOException e) {
          close(client);
          continue;
        }
        Connection connection = new Connection(client, upstream);
        connections.add(connection);
        accepted.incrementAndGet();
        connection.relay(client, upstream);
        connection.relay(upstream, client);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Both sockets of one proxied connection and the threads that move its bytes. */
  private final class Connection {
    private final Socket[] sockets;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    Connection(Socket client, Socket upstream) {
      this.sockets = new Socket[] {client, upstream};
    }

    /** One direction: a reader stamps each chunk with its due time, a writer delivers it then. */
    void relay(Socket from, Socket to) {
      BlockingQueue<Chunk> inTransit = new LinkedBlockingQueue<>();
      Semaphore room = new Semaphore(IN_TRANSIT_BYTES);
      threads.add(daemon(() -> read(from, inTransit, room)));
      threads.add(daemon(() -> deliver(to, inTransit, room)));
    }

    private void read(Socket from, BlockingQueue<Chunk> inTransit, Semaphore room) {
      byte[] buffer = new byte[CHUNK];
      try {
        InputStream in = from.getInputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          room.acquire(n);
          inTransit.add(new Chunk(System.nanoTime() + latencyNanos, Arrays.copyOf(buffer, n)));
        }
        inTransit.add(new Chunk(System.nanoTime() + latencyNanos, END));
      } catch (IOException | InterruptedException e) {
        reset();
      }
    }

    private void deliver(Socket to, BlockingQueue<Chunk> inTransit, Semaphore room) {
      try {
        OutputStream out = to.getOutputStream();
        long paced = System.nanoTime();
        while (true) {
          Chunk chunk = inTransit.take();
          sleepUntil(chunk.dueNanos());
          sleepUntil(stalledUntilNanos);
          if (chunk.data() == END) {
            to.shutdownOutput();
            return;
          }
          long rate = bytesPerSecond;
          if (rate > 0) {
            paced =
                Math.max(paced, System.nanoTime()) + chunk.data().length * 1_000_000_000L / rate;
            sleepUntil(paced);
          }
          out.write(chunk.data());
          room.release(chunk.data().length);
        }
      } catch (IOException | InterruptedException e) {
        reset();
      }
    }

    /** RST on both sockets; the threads of both directions end. */
    void reset() {
      if (!connections.remove(this)) {
        return;
      }
      for (Socket socket : sockets) {
        try {
          if (!socket.isClosed()) {
            socket.setSoLinger(true, 0);
          }
        } catch (IOException ignored) {
          // already gone
        }
        close(socket);
      }
      threads.forEach(Thread::interrupt);
    }
  }

  /** Bytes read from one side, due at the other side at {@code dueNanos}. */
  private record Chunk(long dueNanos, byte[] data) {}

  private static void sleepUntil(long deadlineNanos) throws InterruptedException {
    long wait;
    while ((wait = deadlineNanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "fault-proxy");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void close(Socket socket) {
    try {
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
    resetAll();
  }
}
