package io.dt4j.daemon.dashboard;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.Subscription;
import io.dt4j.api.TransferId;
import io.dt4j.daemon.ChannelSnapshot;
import io.dt4j.daemon.DaemonThreads;
import io.dt4j.daemon.NewTransfer;
import io.dt4j.daemon.TransferEvent;
import io.dt4j.daemon.Transfers;
import io.dt4j.daemon.TransfersFactory;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link Transfers} for the dashboard's browser tests, standing in for the manager: an opened pull
 * receives {@link #STEP} bytes every {@link #TICK_MS} ms while it is {@code Ongoing}, so that it
 * runs long enough to be watched, paused and resumed from a page, then completes at {@link #SIZE}.
 * Pause and resume flip the status as the initiator's pause does. Events are applied on one thread,
 * in order, like the manager's.
 */
final class ScriptedTransfers implements Transfers {
  static final long SIZE = 48L << 20;
  static final long STEP = 256L << 10;
  static final long TICK_MS = 100;

  private final PeerId self;
  private final Map<ChannelId, ChannelSnapshot> channels = new ConcurrentHashMap<>();
  private final List<Consumer<TransferEvent>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService events =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("scripted-transfers"));
  private final AtomicLong nextId = new AtomicLong(1);

  private ScriptedTransfers(PeerId self) {
    this.self = self;
  }

  /** A factory whose transfers start with the channels {@code seed} makes for the node. */
  static TransfersFactory factory(Function<PeerId, List<ChannelSnapshot>> seed) {
    return (node, store, network) -> {
      ScriptedTransfers transfers = new ScriptedTransfers(node.peerId());
      seed.apply(node.peerId()).forEach(c -> transfers.channels.put(c.channelId(), c));
      return transfers;
    };
  }

  /** A pull from {@code peer} that this node opened earlier, in a status, with bytes received. */
  static ChannelSnapshot pull(PeerId self, PeerId peer, long id, Status status, long received) {
    return new ChannelSnapshot(
        new ChannelId(self, peer, new TransferId(id)),
        self,
        Cid.parse("bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"),
        Selectors.EXPLORE_ALL,
        peer,
        self,
        SIZE,
        status,
        0,
        0,
        received,
        "",
        Optional.empty(),
        received / STEP,
        java.util.Optional.empty());
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
    ChannelSnapshot fresh =
        withVoucher(pull(self, t.peer(), nextId.getAndIncrement(), Status.REQUESTED, 0), t);
    ChannelId id = fresh.channelId();
    channels.put(id, fresh); // stored before open() returns, like the manager
    events.execute(
        () -> {
          apply(EventCode.OPEN, fresh);
          apply(EventCode.ACCEPT, with(id, Status.ONGOING, 0));
        });
    events.scheduleAtFixedRate(() -> tick(id), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    return CompletableFuture.completedFuture(id);
  }

  private void tick(ChannelId id) {
    ChannelSnapshot now = channels.get(id);
    if (now.status() != Status.ONGOING) {
      if (now.status() == Status.COMPLETED || now.status() == Status.CANCELLED) {
        throw new IllegalStateException("done"); // ends this channel's schedule
      }
      return;
    }
    long received = Math.min(SIZE, now.received() + STEP);
    apply(EventCode.DATA_RECEIVED_PROGRESS, with(id, Status.ONGOING, received));
    if (received == SIZE) {
      apply(EventCode.COMPLETE, with(id, Status.COMPLETED, received));
    }
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
    return change(channelId, EventCode.CANCEL, Status.CANCELLED);
  }

  private CompletionStage<Void> change(ChannelId id, EventCode code, Status status) {
    return CompletableFuture.runAsync(
        () -> apply(code, with(id, status, channels.get(id).received())), events);
  }

  private static ChannelSnapshot withVoucher(ChannelSnapshot c, NewTransfer t) {
    EncodedVoucher voucher = new EncodedVoucher(t.voucher().type(), new byte[] {(byte) 0x80});
    return new ChannelSnapshot(
        c.channelId(),
        c.selfPeer(),
        t.root(),
        t.selector(),
        c.sender(),
        c.recipient(),
        c.totalSize(),
        c.status(),
        0,
        0,
        0,
        "",
        Optional.of(voucher),
        0,
        java.util.Optional.empty());
  }

  private ChannelSnapshot with(ChannelId id, Status status, long received) {
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
        0,
        0,
        received,
        "",
        c.voucher(),
        received / STEP,
        java.util.Optional.empty());
  }

  private void apply(EventCode code, ChannelSnapshot channel) {
    channels.put(channel.channelId(), channel);
    TransferEvent event = new TransferEvent(new Event(code, "", Instant.now()), channel);
    listeners.forEach(listener -> listener.accept(event));
  }

  @Override
  public void close() {
    events.shutdownNow();
  }
}
