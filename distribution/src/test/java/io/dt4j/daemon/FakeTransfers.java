package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.Subscription;
import io.dt4j.api.TransferId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scripted {@link Transfers} for daemon tests, standing in for the manager: an opened channel goes
 * Requested, Ongoing, three progress events, then Completed (or Failed when the voucher's deal
 * reference is {@code fail}); pause and resume flip the status; a cancel of a channel whose message
 * is {@code peer-unreachable} is done locally (Cancelling) and never confirmed by the peer. Events
 * are applied on one thread, in order, like the manager's.
 */
public final class FakeTransfers implements Transfers {
  /** The bytes a scripted pull moves. */
  public static final long SIZE = 3000;

  private final PeerId self;
  private final Map<ChannelId, ChannelSnapshot> channels = new ConcurrentHashMap<>();
  private final List<Consumer<TransferEvent>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(DaemonThreads.named("fake-transfers"));
  private final AtomicLong nextId = new AtomicLong(100);

  /**
   * @param self the node's peer id
   */
  public FakeTransfers(PeerId self) {
    this.self = self;
  }

  /** A factory for {@link Dt4jNode#start(NodeConfig, TransfersFactory)}. */
  public static TransfersFactory factory() {
    return (node, store, network) -> new FakeTransfers(node.peerId());
  }

  @Override
  public List<ChannelSnapshot> channels() {
    return List.copyOf(channels.values());
  }

  @Override
  public Subscription subscribe(Consumer<TransferEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public CompletionStage<ChannelId> open(NewTransfer t) {
    ChannelId id = new ChannelId(self, t.peer(), new TransferId(nextId.getAndIncrement()));
    boolean fail = t.voucher().toString().contains("fail");
    EncodedVoucher voucher = new EncodedVoucher(t.voucher().type(), new byte[] {(byte) 0x80});
    ChannelSnapshot fresh =
        new ChannelSnapshot(
            id,
            self,
            t.root(),
            t.selector(),
            t.pull() ? t.peer() : self,
            t.pull() ? self : t.peer(),
            SIZE,
            Status.REQUESTED,
            0,
            0,
            0,
            "",
            java.util.Optional.of(voucher),
            0,
            java.util.Optional.empty(),
            java.util.Optional.of(Instant.now()));
    // like the manager, the channel exists (stored) before open() returns; events follow
    channels.put(id, fresh);
    events.execute(
        () -> {
          apply(EventCode.OPEN, fresh, "");
          apply(EventCode.ACCEPT, with(id, Status.ONGOING, 0, ""), "");
          for (long bytes = 1000; bytes <= SIZE; bytes += 1000) {
            apply(EventCode.DATA_RECEIVED_PROGRESS, with(id, Status.ONGOING, bytes, ""), "");
          }
          if (fail) {
            apply(
                EventCode.ERROR,
                with(id, Status.FAILED, SIZE, "the peer went away"),
                "the peer went away");
          } else {
            apply(EventCode.COMPLETE, with(id, Status.COMPLETED, SIZE, ""), "");
          }
        });
    return CompletableFuture.completedFuture(id);
  }

  /** Adds a channel as if it had been opened before, with a status and a message. */
  public void seed(ChannelSnapshot channel) {
    channels.put(channel.channelId(), channel);
  }

  @Override
  public CompletionStage<Void> pause(ChannelId channelId) {
    return change(channelId, EventCode.PAUSE_INITIATOR, Status.INITIATOR_PAUSED);
  }

  @Override
  public CompletionStage<Void> resume(ChannelId channelId) {
    return change(channelId, EventCode.RESUME_INITIATOR, Status.ONGOING);
  }

  @Override
  public CompletionStage<Void> restart(ChannelId channelId) {
    return change(channelId, EventCode.RESTART, Status.ONGOING);
  }

  @Override
  public CompletionStage<Void> cancel(ChannelId channelId) {
    ChannelSnapshot now = channels.get(channelId);
    if (now != null && "peer-unreachable".equals(now.message())) {
      CompletableFuture.runAsync(
              () ->
                  apply(
                      EventCode.CANCEL,
                      with(channelId, Status.CANCELLING, now.received(), now.message()),
                      ""),
              events)
          .join();
      return new CompletableFuture<>();
    }
    return change(channelId, EventCode.CANCEL, Status.CANCELLED);
  }

  private CompletionStage<Void> change(ChannelId id, EventCode code, Status status) {
    ChannelSnapshot now = channels.get(id);
    return CompletableFuture.runAsync(
        () -> apply(code, with(id, status, now.received(), now.message()), ""), events);
  }

  private ChannelSnapshot with(ChannelId id, Status status, long received, String message) {
    ChannelSnapshot c = channels.get(id);
    return new ChannelSnapshot(
        c.channelId(),
        c.selfPeer(),
        c.baseCid(),
        c.selector(),
        c.sender(),
        c.recipient(),
        c.totalSize(),
        status,
        c.queued(),
        c.sent(),
        received,
        message,
        c.voucher(),
        received / 1000,
        c.voucherResult(),
        c.created());
  }

  private void apply(EventCode code, ChannelSnapshot channel, String message) {
    channels.put(channel.channelId(), channel);
    TransferEvent event = new TransferEvent(new Event(code, message, Instant.now()), channel);
    listeners.forEach(listener -> listener.accept(event));
  }

  @Override
  public void close() {
    events.shutdownNow();
  }
}
