package io.dt4j.graphsync.transport;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.HandlerAlreadySetException;
import io.dt4j.api.PauseChannelException;
import io.dt4j.api.ResumeChannelException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The manager's events handler, set once, and the one way the transport's hooks call it. */
final class HandlerSlot {
  private static final Logger log = LoggerFactory.getLogger(HandlerSlot.class);

  /** A call into the handler. */
  @FunctionalInterface
  interface Call<T> {
    T on(EventsHandler handler) throws DataTransferException;
  }

  /** A call into the handler that returns nothing. */
  @FunctionalInterface
  interface Notice {
    void on(EventsHandler handler) throws DataTransferException;
  }

  private final AtomicReference<EventsHandler> handler = new AtomicReference<>();

  void set(EventsHandler eventsHandler) throws HandlerAlreadySetException {
    Objects.requireNonNull(eventsHandler, "eventsHandler");
    if (!handler.compareAndSet(null, eventsHandler)) {
      throw new HandlerAlreadySetException();
    }
  }

  boolean isSet() {
    return handler.get() != null;
  }

  /**
   * Calls the handler and classifies the outcome. A {@link RuntimeException} is logged and ends the
   * request like any failure, so a broken handler never breaks graphsync's executor.
   */
  <T> HookResult<T> call(String name, Call<T> call) {
    EventsHandler h = handler.get();
    if (h == null) {
      return new HookResult.Done<>(null);
    }
    try {
      return new HookResult.Done<>(call.on(h));
    } catch (PauseChannelException pause) {
      return new HookResult.Paused<>();
    } catch (ResumeChannelException resume) {
      return new HookResult.Resumed<>();
    } catch (DataTransferException failure) {
      return new HookResult.Failed<>(failure.getMessage());
    } catch (RuntimeException bug) {
      log.warn("events handler {} threw", name, bug);
      return new HookResult.Failed<>(name + " threw " + bug);
    }
  }

  /** Calls a handler method that returns nothing and classifies the outcome. */
  HookResult<Void> signal(String name, Notice notice) {
    return call(
        name,
        h -> {
          notice.on(h);
          return null;
        });
  }

  /** Tells the handler something whose outcome only matters for the log. */
  void tell(String name, Notice notice) {
    HookResult<Void> result = signal(name, notice);
    if (result instanceof HookResult.Failed<Void> failed) {
      log.debug("events handler {} failed: {}", name, failed.reason());
    }
  }

  /** Returns a value a call produced, if it returned one. */
  static <T> Optional<T> valueOf(HookResult<Optional<T>> result) {
    Optional<T> value = result.valueOrNull();
    return value == null ? Optional.empty() : value;
  }
}
