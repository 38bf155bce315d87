package io.dt4j.core.testing;

import io.dt4j.api.EventsHandler;
import io.dt4j.api.PeerId;
import io.dt4j.ipld.Blockstore;
import java.util.Optional;

/**
 * One node's end of a request: its transport, and whether it still hears about the request. A side
 * stops hearing when its node cleans the channel up ({@code cleanupChannel}), shuts its transport
 * down or attaches a new transport in its place.
 */
final class RequestParty {
  private final LoopbackTransport transport;
  private volatile boolean muted;

  RequestParty(LoopbackTransport transport) {
    this.transport = transport;
  }

  PeerId peer() {
    return transport.peer();
  }

  Blockstore store() {
    return transport.store();
  }

  boolean isServedBy(LoopbackTransport candidate) {
    return transport == candidate;
  }

  void mute() {
    muted = true;
  }

  /** Calls a hook that returns a value, unless this side no longer listens. */
  <T> HookOutcome<T> ask(String name, HookOutcome.Hook<T> hook, T unheard) {
    Optional<EventsHandler> handler = muted ? Optional.empty() : transport.liveHandler();
    return HookOutcome.call(handler, name, hook, unheard);
  }

  /** Calls a hook that returns nothing, unless this side no longer listens. */
  HookOutcome<Void> signal(String name, HookOutcome.Notice notice) {
    return ask(
        name,
        handler -> {
          notice.call(handler);
          return null;
        },
        null);
  }

  /** Calls a hook whose outcome does not matter (Go only logs these errors). */
  void tell(String name, HookOutcome.Notice notice) {
    signal(name, notice);
  }
}
