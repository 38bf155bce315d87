package io.dt4j.daemon.dashboard;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link Transfers} for the dashboard's browser tests where a fake is the point: channels seeded as
 * if read from the store (a thousand of them; one that a restarted daemon no longer has), and a
 * channel that vanishes while a page shows it ({@link #forget}), which the manager never does on
 * its own. An opened pull goes to {@code Ongoing} and stays there; pause and resume flip the status
 * as the initiator's pause does. Events are applied on one thread, in order, like the manager's. A
 * real transfer is {@link DashboardTransferIT}'s.
 */
final class ScriptedTransfers implements Transfers {
  static final long SIZE = 48L << 20;
  private static final long BLOCK = 256L << 10;

  private final PeerId self;
  private final Map<ChannelId, ChannelSnapshot> channels = new ConcurrentHashMap<>();
  private final List<Consumer<TransferEvent>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(DaemonThreads.named("scripted-transfers"));
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
    return pull(self, peer, id, status, received, Optional.empty());
  }

  /** A pull as {@link #pull(PeerId, PeerId, long, Status, long)}, created at a known time. */
  static ChannelSnapshot pull(
      PeerId self, PeerId peer, long id, Status status, long received, Optional<Instant> created) {
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
        received / BLOCK,
        Optional.empty(),
        created);
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
        withVoucher(
            pull(
                self,
                t.peer(),
                nextId.getAndIncrement(),
                Status.REQUESTED,
                0,
                Optional.of(Instant.now())),
            t);
    ChannelId id = fresh.channelId();
    channels.put(id, fresh); // stored before open() returns, like the manager
    events.execute(
        () -> {
          apply(EventCode.OPEN, fresh);
          apply(EventCode.ACCEPT, with(id, Status.ONGOING, 0));
        });
    return CompletableFuture.completedFuture(id);
  }

  /** Drops a channel as if the daemon had never had it; its id answers 404 from now on. */
  void forget(ChannelId id) {
    channels.remove(id);
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
    if (!channels.containsKey(id)) {
      return CompletableFuture.failedFuture(new ChannelNotFoundException(id));
    }
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
        Optional.empty(),
        c.created());
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
        received / BLOCK,
        Optional.empty(),
        c.created());
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
