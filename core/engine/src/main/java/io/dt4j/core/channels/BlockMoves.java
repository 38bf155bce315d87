package io.dt4j.core.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The blocks of one channel handed to {@link Channels} and not recorded yet. Blocks that arrive
 * while no other event is queued behind them join one batch, which the channel's executor records
 * in one store write (one commit for many blocks instead of two per block). A batch closes when its
 * task starts or when any other event of the channel is queued, so events stay in order.
 *
 * <p>It also remembers which CIDs are on their way, so that a caller learns at once whether its
 * block will count as new: not if the same CID is on its way already or in the store.
 */
final class BlockMoves {

  /**
   * One block handed over.
   *
   * @param member the CID and the set it goes into
   * @param size the block's size in bytes
   * @param claimed whether this move put the CID on its way (a second move of it did not)
   * @param recorded completed with whether the block was new once it is recorded
   */
  record Move(
      ChannelStore.Member member,
      long size,
      boolean claimed,
      CompletableFuture<Boolean> recorded) {}

  /** The moves of one task of the channel's executor. */
  static final class Batch {
    private final List<Move> moves = new ArrayList<>();
    private boolean closed;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Set<ChannelStore.Member> onTheirWay = ConcurrentHashMap.newKeySet();
  private final AtomicInteger backlog = new AtomicInteger();
  private Batch open;

  /**
   * Puts a CID on its way.
   *
   * @return true if it was not on its way already
   */
  boolean claim(ChannelStore.Member member) {
    return onTheirWay.add(member);
  }

  /**
   * Adds a move to the open batch, or starts a batch and calls {@code schedule} with it, under the
   * lock: the batch's task is queued before any event that is queued after this call.
   *
   * @return the moves handed over and not yet recorded, this one included
   */
  int add(Move move, Consumer<Batch> schedule) {
    lock.lock();
    try {
      if (open == null || open.closed) {
        open = new Batch();
        schedule.accept(open);
      }
      open.moves.add(move);
      return backlog.incrementAndGet();
    } finally {
      lock.unlock();
    }
  }

  /** Closes the open batch: called before another event of the channel is queued. */
  void close() {
    lock.lock();
    try {
      if (open != null) {
        open.closed = true;
        open = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closes a batch whose task starts and returns its moves. */
  List<Move> take(Batch batch) {
    lock.lock();
    try {
      batch.closed = true;
      if (open == batch) {
        open = null;
      }
      return List.copyOf(batch.moves);
    } finally {
      lock.unlock();
    }
  }

  /** Forgets moves that are recorded (or failed): their CIDs are in the store or may come again. */
  void done(List<Move> moves) {
    for (Move move : moves) {
      if (move.claimed()) {
        onTheirWay.remove(move.member());
      }
    }
    backlog.addAndGet(-moves.size());
  }
}
