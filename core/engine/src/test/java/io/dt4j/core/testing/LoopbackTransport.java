package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.HandlerAlreadySetException;
import io.dt4j.api.HandlerNotSetException;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One node's transport on a {@link LoopbackTransportHub}. The node is the graphsync requester of
 * the channels it opens (it receives their data) and the responder of those opened to it; each
 * operation acts on this node's side, as in data-transfer.md §6.4.
 */
final class LoopbackTransport implements PauseableTransport {
  /** Go's text for a request the requester cancelled itself. */
  static final String CANCELLED = "graphsync request cancelled";

  private final LoopbackTransportHub hub;
  private final PeerId self;
  private final Blockstore store;
  private final AtomicReference<EventsHandler> handler = new AtomicReference<>();
  private volatile String closedBecause;

  LoopbackTransport(LoopbackTransportHub hub, PeerId self, Blockstore store) {
    this.hub = hub;
    this.self = Objects.requireNonNull(self, "self");
    this.store = Objects.requireNonNull(store, "store");
  }

  PeerId peer() {
    return self;
  }

  Blockstore store() {
    return store;
  }

  /** Returns the handler while this transport is open and has one. */
  Optional<EventsHandler> liveHandler() {
    return closedBecause == null ? Optional.ofNullable(handler.get()) : Optional.empty();
  }

  /** Stops this transport: its handler hears nothing more and its operations fail. */
  void close(String why) {
    if (closedBecause == null) {
      closedBecause = why;
    }
  }

  @Override
  public CompletionStage<Void> openChannel(
      PeerId dataSender,
      ChannelId channelId,
      Cid root,
      Node selector,
      Set<Cid> doNotSendCids,
      TransferMessage message) {
    Optional<DataTransferException> unusable = unusable();
    if (unusable.isPresent()) {
      return CompletableFuture.failedStage(unusable.get());
    }
    return hub.open(
        this,
        dataSender,
        channelId,
        new LoopbackRequest.Ask(root, selector, doNotSendCids, message));
  }

  @Override
  public CompletionStage<Void> closeChannel(ChannelId channelId) {
    Optional<DataTransferException> unusable = unusable();
    if (unusable.isPresent()) {
      return CompletableFuture.failedStage(unusable.get());
    }
    hub.roleOf(this, channelId)
        .ifPresent(
            role ->
                role.request()
                    .end(
                        role.side() == Side.REQUESTER
                            ? new RequestEnd.CancelledByRequester(CANCELLED)
                            : new RequestEnd.CancelledByResponder()));
    return CompletableFuture.completedStage(null);
  }

  @Override
  public CompletionStage<Void> pauseChannel(ChannelId channelId) {
    Optional<DataTransferException> unusable = unusable();
    if (unusable.isPresent()) {
      return CompletableFuture.failedStage(unusable.get());
    }
    Optional<LoopbackTransportHub.Role> role = hub.roleOf(this, channelId);
    if (role.isEmpty()) {
      return CompletableFuture.failedStage(new ChannelNotFoundException(channelId));
    }
    role.get().request().pause(role.get().side());
    return CompletableFuture.completedStage(null);
  }

  @Override
  public CompletionStage<Void> resumeChannel(TransferMessage message, ChannelId channelId) {
    Optional<DataTransferException> unusable = unusable();
    if (unusable.isPresent()) {
      return CompletableFuture.failedStage(unusable.get());
    }
    Objects.requireNonNull(message, "message");
    return hub.roleOf(this, channelId)
        .map(role -> role.request().resume(role.side(), message))
        .orElseGet(() -> CompletableFuture.failedStage(new ChannelNotFoundException(channelId)));
  }

  @Override
  public void setEventHandler(EventsHandler eventsHandler) throws HandlerAlreadySetException {
    Objects.requireNonNull(eventsHandler, "eventsHandler");
    if (!handler.compareAndSet(null, eventsHandler)) {
      throw new HandlerAlreadySetException();
    }
  }

  @Override
  public void cleanupChannel(ChannelId channelId) {
    hub.roleOf(this, channelId).ifPresent(role -> role.request().party(role.side()).mute());
  }

  @Override
  public CompletionStage<Void> shutdown() {
    close("it was shut down");
    hub.cancelAllOf(this);
    return CompletableFuture.completedStage(null);
  }

  private Optional<DataTransferException> unusable() {
    if (closedBecause != null) {
      return Optional.of(new TransportClosedException(self, closedBecause));
    }
    return handler.get() == null ? Optional.of(new HandlerNotSetException()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "loopback transport of " + self;
  }
}
