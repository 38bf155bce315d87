package io.dt4j.daemon.admin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v0/events}: channel events as Server-Sent Events, one {@code data:} line of
 * {@link ChannelMessages.Update} JSON per event, with an increasing {@code id:}. A comment line
 * every {@link #KEEPALIVE} keeps proxies from closing an idle stream and finds clients that left.
 *
 * <p>Each client has a bounded queue; a client that falls {@link #QUEUE} events behind is
 * disconnected (it reconnects and lists the channels again) rather than slowing the node. At most
 * {@link #MAX_CLIENTS} streams are open at once; more get 503.
 */
final class EventStream implements AutoCloseable {
  static final Duration KEEPALIVE = Duration.ofSeconds(15);
  static final int QUEUE = 4096;
  static final int MAX_CLIENTS = 16;

  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  /** A client's queue; an empty Optional tells its loop to end. */
  private final List<BlockingQueue<Optional<ChannelMessages.Update>>> clients =
      new CopyOnWriteArrayList<>();

  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean closed;

  /** Hands an event to every client; a client whose queue is full is told to end. */
  void publish(ChannelMessages.Update update) {
    for (BlockingQueue<Optional<ChannelMessages.Update>> queue : clients) {
      if (!queue.offer(Optional.of(update))) {
        queue.clear();
        queue.offer(Optional.empty());
        LOG.info("event stream client fell {} events behind; disconnected", QUEUE);
      }
    }
  }

  /** Serves one client until it leaves or the daemon stops. */
  Object serve(JsonExchange request) throws IOException, InterruptedException {
    if (closed) {
      throw ApiException.unavailable("unavailable", "the daemon is stopping");
    }
    if (clients.size() >= MAX_CLIENTS) {
      throw ApiException.unavailable(
          "unavailable", "too many event streams open (" + MAX_CLIENTS + "); close one");
    }
    BlockingQueue<Optional<ChannelMessages.Update>> queue = new ArrayBlockingQueue<>(QUEUE);
    clients.add(queue);
    HttpExchange exchange = request.exchange();
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, 0);
      write(out, ": dt4j channel events\n\n");
      while (!closed) {
        Optional<ChannelMessages.Update> next =
            queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
          write(out, ": keepalive\n\n");
        } else if (next.isEmpty()) {
          break;
        } else {
          write(
              out,
              "id: "
                  + sequence.incrementAndGet()
                  + "\ndata: "
                  + ApiJson.MAPPER.writeValueAsString(next.get())
                  + "\n\n");
        }
      }
    } catch (IOException e) {
      LOG.debug("event stream client left: {}", e.toString());
    } finally {
      clients.remove(queue);
    }
    return JsonExchange.HANDLED;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Ends every stream. */
  @Override
  public void close() {
    closed = true;
    for (BlockingQueue<Optional<ChannelMessages.Update>> queue : clients) {
      queue.clear();
      queue.offer(Optional.empty());
    }
  }
}
