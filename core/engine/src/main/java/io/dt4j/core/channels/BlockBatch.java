package io.dt4j.core.channels;

import io.dt4j.api.EventCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a batch of moved blocks does to a channel (data-transfer.md §4.5), decided by the {@link
 * ChannelStateMachine} alone: per block, a progress event if its CID is new for its set, then the
 * plain event. Pure; {@link Channels} persists the result in one write, then publishes.
 *
 * @param record the record after the whole batch
 * @param added the CIDs new to their sets, in order
 * @param announcements the applied events, in order, each with the record right after it
 * @param isNew per block, whether it was new
 * @param refusals the reasons of events the state machine refused
 */
record BlockBatch(
    ChannelRecord record,
    List<ChannelStore.Member> added,
    List<Announcement> announcements,
    List<Boolean> isNew,
    List<String> refusals) {

  /**
   * An applied event to publish.
   *
   * @param code the event
   * @param record the record right after it
   * @param runsCleanup whether the clean-up entry action runs after it
   */
  record Announcement(EventCode code, ChannelRecord record, boolean runsCleanup) {}

  /**
   * Applies a batch of moves to a record.
   *
   * @param start the record before the batch
   * @param moves the blocks, in the order they moved
   * @param recorded whether a CID is in its set already (in the store)
   * @return the outcome
   */
  static BlockBatch apply(
      ChannelRecord start, List<BlockMoves.Move> moves, Predicate<ChannelStore.Member> recorded) {
    BlockBatch batch =
        new BlockBatch(
            start, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Set<ChannelStore.Member> seen = new HashSet<>();
    ChannelRecord record = start;
    for (BlockMoves.Move move : moves) {
      CidSet set = move.member().set();
      boolean isNew = !seen.contains(move.member()) && !recorded.test(move.member());
      if (isNew) {
        EventCode progress = progressOf(set);
        Transition t =
            ChannelStateMachine.apply(record, new ChannelEvent.Progress(progress, move.size()));
        isNew = t instanceof Transition.Applied;
        record = batch.take(t, progress, record);
        if (isNew) {
          seen.add(move.member());
          batch.added.add(move.member());
        }
      }
      EventCode plain = plainOf(set);
      record = batch.take(ChannelStateMachine.apply(record, ChannelEvent.of(plain)), plain, record);
      batch.isNew.add(isNew);
    }
    return new BlockBatch(record, batch.added, batch.announcements, batch.isNew, batch.refusals);
  }

  /** Notes a transition; returns the record after it. */
  private ChannelRecord take(Transition t, EventCode code, ChannelRecord before) {
    if (t instanceof Transition.Applied applied) {
      announcements.add(new Announcement(code, applied.next(), applied.runsCleanup()));
      return applied.next();
    }
    if (t instanceof Transition.Refused refused) {
      refusals.add(refused.reason());
    }
    return before;
  }

  private static EventCode progressOf(CidSet set) {
    return switch (set) {
      case DATA_SENT -> EventCode.DATA_SENT_PROGRESS;
      case DATA_QUEUED -> EventCode.DATA_QUEUED_PROGRESS;
      case DATA_RECEIVED -> EventCode.DATA_RECEIVED_PROGRESS;
    };
  }

  private static EventCode plainOf(CidSet set) {
    return switch (set) {
      case DATA_SENT -> EventCode.DATA_SENT;
      case DATA_QUEUED -> EventCode.DATA_QUEUED;
      case DATA_RECEIVED -> EventCode.DATA_RECEIVED;
    };
  }
}
