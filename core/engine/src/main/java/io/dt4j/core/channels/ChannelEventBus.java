package io.dt4j.core.channels;

import io.dt4j.api.Event;
import io.dt4j.api.Subscription;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers applied events to listeners. Each listener has its own queue and thread, so a slow or
 * throwing listener stalls neither the channels nor the other listeners; events reach it in the
 * order they were published. A listener that falls more than its queue's capacity behind loses the
 * events that do not fit, and that is logged with the count: memory stays bounded.
 */
public final class ChannelEventBus implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  /** Default number of events a listener may fall behind. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final CopyOnWriteArrayList<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final int capacity;

  /**
   * Creates a bus.
   *
   * @param capacity events one listener may fall behind before events are dropped for it
   */
  public ChannelEventBus(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Adds a listener.
   *
   * @param listener the listener
   * @return the subscription; close it to remove the listener
   */
  public Subscription subscribe(ChannelListener listener) {
    Delivery delivery = new Delivery(listener, new LinkedBlockingQueue<>(capacity));
    deliveries.add(delivery);
    delivery.thread.start();
    return () -> {
      deliveries.remove(delivery);
      delivery.stop();
    };
  }

  /**
   * Publishes an applied event to every listener.
   *
   * @param event the event
   * @param record the channel after it
   */
  public void publish(Event event, ChannelRecord record) {
    for (Delivery delivery : deliveries) {
      delivery.offer(new Published(event, record));
    }
  }

  @Override
  public void close() {
    deliveries.forEach(Delivery::stop);
    deliveries.clear();
  }

  private record Published(Event event, ChannelRecord record) {}

  /** One listener's queue and thread. */
  private static final class Delivery {
    private static final AtomicLong NUMBER = new AtomicLong();

    private final ChannelListener listener;
    private final BlockingQueue<Published> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    Delivery(ChannelListener listener, BlockingQueue<Published> queue) {
      this.listener = listener;
      this.queue = queue;
      this.thread = new Thread(this::run, "dt4j-events-" + NUMBER.incrementAndGet());
      this.thread.setDaemon(true);
    }

    void offer(Published published) {
      if (!queue.offer(published) && dropped.incrementAndGet() % 1000 == 1) {
        log.warn(
            "event listener {} is {} events behind: {} events dropped for it so far",
            listener,
            queue.size(),
            dropped.get());
      }
    }

    void stop() {
      running = false;
      thread.interrupt();
    }

    private void run() {
      while (running) {
        try {
          Published p = queue.poll(1, TimeUnit.SECONDS);
          if (p != null) {
            deliver(p);
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private void deliver(Published p) {
      try {
        listener.onEvent(p.event(), p.record());
      } catch (RuntimeException e) {
        log.warn("event listener {} failed on {}: {}", listener, p.event().code(), e.toString());
      }
    }
  }
}
