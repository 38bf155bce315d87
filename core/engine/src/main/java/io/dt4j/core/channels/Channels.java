package io.dt4j.core.channels;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.core.concurrency.SerialExecutor;
import io.dt4j.ipld.Cid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies events to channels, one channel at a time in order, each through the same steps: the pure
 * {@link ChannelStateMachine}, then the {@link ChannelStore} (durable before anyone hears of it),
 * then the {@link ChannelEventBus}, then the clean-up entry action. Nothing else changes a channel.
 */
public final class Channels {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ChannelStore store;
  private final ChannelEventBus bus;
  private final CleanupAction cleanup;
  private final Executor pool;
  private final Clock clock;
  private final Map<ChannelId, SerialExecutor> executors = new ConcurrentHashMap<>();
  private final Map<ChannelId, ChannelRecord> cache = new ConcurrentHashMap<>();
  private final Map<ChannelId, BlockMoves> blockMoves = new ConcurrentHashMap<>();

  /**
   * Creates the channels of a node.
   *
   * @param store where records live
   * @param bus where applied events go
   * @param cleanup the clean-up entry action
   * @param pool the threads that run the channels' ordered executors
   * @param clock the time of events
   */
  public Channels(
      ChannelStore store, ChannelEventBus bus, CleanupAction cleanup, Executor pool, Clock clock) {
    this.store = store;
    this.bus = bus;
    this.cleanup = cleanup;
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Creates a channel: stamps the creation time from the clock (unless the record has one),
   * persists the record, then applies {@link EventCode#OPEN}.
   *
   * @param fresh the new record, status Requested
   * @return the transition of the open event
   */
  public CompletionStage<Transition> open(ChannelRecord fresh) {
    return onChannel(
        fresh.channelId(),
        () -> {
          if (record(fresh.channelId()).isPresent()) {
            throw new IllegalStateException("channel " + fresh.channelId() + " exists already");
          }
          ChannelRecord stamped = fresh.createdAt(clock.instant());
          store.save(stamped);
          cache.put(stamped.channelId(), stamped);
          return applyNow(stamped, ChannelEvent.of(EventCode.OPEN));
        });
  }

  /**
   * Applies an event to a channel.
   *
   * @param channelId the channel
   * @param event the event
   * @return the transition; fails with {@link ChannelNotFoundException} for an unknown channel
   */
  public CompletionStage<Transition> fire(ChannelId channelId, ChannelEvent event) {
    return onChannel(channelId, () -> applyNow(require(channelId), event));
  }

  /**
   * Applies the events that {@code decide} derives from the channel as it is now, one after the
   * other with no event from elsewhere in between: the events one message causes (e.g. a voucher
   * result, Accept and a pause) stay together, and a decision that depends on the status (e.g. "not
   * if the channel is already ending") sees the status it acts on.
   *
   * @param channelId the channel
   * @param decide the events to apply, given the channel's record; may be empty
   * @return the transitions, in order; fails with {@link ChannelNotFoundException} for an unknown
   *     channel
   */
  public CompletionStage<List<Transition>> fireAll(
      ChannelId channelId, Function<ChannelRecord, List<ChannelEvent>> decide) {
    return onChannel(
        channelId,
        () -> {
          List<Transition> transitions = new ArrayList<>();
          for (ChannelEvent event : decide.apply(require(channelId))) {
            transitions.add(applyNow(require(channelId), event));
          }
          return transitions;
        });
  }

  /**
   * A block moved (data-transfer.md §4.5): the first time its CID enters the channel's set for this
   * direction, the byte counter grows by {@code size}, atomically with the set; then the plain
   * event (DataSent, DataQueued or DataReceived) is applied either way.
   *
   * @param channelId the channel
   * @param set the direction
   * @param cid the block
   * @param size the block's size in bytes
   * @return whether the block was new for this direction, once it is recorded
   */
  public CompletionStage<Boolean> blockMoved(ChannelId channelId, CidSet set, Cid cid, long size) {
    return handOver(channelId, set, cid, size).recorded();
  }

  /**
   * Hands over a block that moved, to be recorded as {@link #blockMoved} says, and tells at once
   * whether it will count as new. Blocks handed over one after the other are recorded together, in
   * one store write, before their events are published.
   *
   * @param channelId the channel
   * @param set the direction
   * @param cid the block
   * @param size the block's size in bytes
   * @return the hand-over
   */
  public BlockHandOver handOver(ChannelId channelId, CidSet set, Cid cid, long size) {
    BlockMoves moves = blockMoves.computeIfAbsent(channelId, id -> new BlockMoves());
    ChannelStore.Member member = new ChannelStore.Member(set, cid);
    boolean claimed = moves.claim(member);
    boolean looksNew = claimed && !store.contains(channelId, set, cid);
    BlockMoves.Move move =
        new BlockMoves.Move(member, size, claimed, new CompletableFuture<Boolean>());
    int backlog =
        moves.add(
            move,
            batch -> executorOf(channelId).execute(() -> recordBatch(channelId, moves, batch)));
    return new BlockHandOver(looksNew, backlog, move.recorded());
  }

  /**
   * A block handed over to a channel.
   *
   * @param looksNew whether it will count as new: its CID was neither recorded nor on its way
   * @param backlog the channel's blocks handed over and not yet recorded, this one included
   * @param recorded completed with whether it was new once it is recorded and published
   */
  public record BlockHandOver(boolean looksNew, int backlog, CompletionStage<Boolean> recorded) {}

  /** Records a batch of moved blocks in one store write, then publishes their events in order. */
  private void recordBatch(ChannelId channelId, BlockMoves moves, BlockMoves.Batch batch) {
    List<BlockMoves.Move> taken = moves.take(batch);
    try {
      BlockBatch result =
          BlockBatch.apply(
              require(channelId), taken, m -> store.contains(channelId, m.set(), m.cid()));
      if (!result.added().isEmpty()) {
        store.save(result.record(), result.added());
      } else if (!result.announcements().isEmpty()) {
        store.save(result.record());
      }
      cache.put(channelId, result.record());
      result.refusals().forEach(reason -> log.debug("{}", reason));
      result.announcements().forEach(a -> announce(a.code(), a.record(), a.runsCleanup()));
      moves.done(taken);
      for (int i = 0; i < taken.size(); i++) {
        taken.get(i).recorded().complete(result.isNew().get(i));
      }
    } catch (RuntimeException e) {
      moves.done(taken);
      Throwable failure =
          e instanceof NotFound notFound ? new ChannelNotFoundException(notFound.channelId) : e;
      taken.forEach(m -> m.recorded().completeExceptionally(failure));
    }
  }

  /**
   * Returns a channel's record as it is now.
   *
   * @param channelId the channel
   * @return the record, if the channel exists
   */
  public Optional<ChannelRecord> record(ChannelId channelId) {
    ChannelRecord cached = cache.get(channelId);
    return cached != null ? Optional.of(cached) : store.get(channelId);
  }

  /** Returns every stored channel. */
  public List<ChannelRecord> all() {
    return store.all().stream().map(r -> cache.getOrDefault(r.channelId(), r)).toList();
  }

  private Transition applyNow(ChannelRecord record, ChannelEvent event) {
    Transition t = ChannelStateMachine.apply(record, event);
    if (t instanceof Transition.Applied applied) {
      store.save(applied.next());
      cache.put(record.channelId(), applied.next());
      announce(event.code(), applied.next(), applied.runsCleanup());
      if (event.code() == EventCode.CLEANUP_COMPLETE) {
        store.deleteCidSets(record.channelId());
      }
    } else if (t instanceof Transition.Refused refused) {
      log.debug("{}", refused.reason());
    }
    return t;
  }

  /** Publishes, then runs the clean-up entry action and queues CleanupComplete after it. */
  private void announce(EventCode code, ChannelRecord next, boolean runsCleanup) {
    bus.publish(new Event(code, next.message(), clock.instant()), next);
    if (runsCleanup) {
      try {
        cleanup.cleanUp(next);
      } catch (RuntimeException e) {
        log.warn("clean-up of channel {} failed: {}", next.channelId(), e.toString());
      }
      fire(next.channelId(), ChannelEvent.of(EventCode.CLEANUP_COMPLETE));
    }
  }

  private ChannelRecord require(ChannelId channelId) {
    return record(channelId).orElseThrow(() -> new NotFound(channelId));
  }

  private SerialExecutor executorOf(ChannelId channelId) {
    return executors.computeIfAbsent(channelId, id -> new SerialExecutor(pool));
  }

  /** Queues work on the channel's executor, after the blocks handed over before it. */
  private <T> CompletionStage<T> onChannel(ChannelId channelId, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    BlockMoves moves = blockMoves.get(channelId);
    if (moves != null) {
      moves.close();
    }
    executorOf(channelId)
        .execute(
            () -> {
              try {
                result.complete(work.get());
              } catch (NotFound e) {
                result.completeExceptionally(new ChannelNotFoundException(e.channelId));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** Internal signal for an unknown channel, turned into the API's checked exception. */
  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ChannelId channelId;

    NotFound(ChannelId channelId) {
      super(null, null, false, false);
      this.channelId = channelId;
    }
  }
}
