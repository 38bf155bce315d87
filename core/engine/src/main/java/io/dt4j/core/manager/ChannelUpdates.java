package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.channels.Channels;
import io.dt4j.core.channels.CidSet;
import io.dt4j.ipld.Cid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's way to change channels: each call hands an event to {@link Channels} and waits
 * until it was applied, as go-data-transfer's calls into its channel state machines do; only a
 * moved block is handed over without waiting (the hot path: it is recorded in batches). An event
 * the state machine refuses in the channel's status is dropped (logged by {@link Channels}), not an
 * error — as in go-statemachine; only an unknown channel is.
 */
final class ChannelUpdates {
  /** Blocks a channel may have handed over and not yet recorded before a hook waits. */
  static final int BLOCK_BACKLOG = 256;

  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final Channels channels;
  private final ChannelStore store;

  ChannelUpdates(Channels channels, ChannelStore store) {
    this.channels = channels;
    this.store = store;
  }

  Optional<ChannelRecord> find(ChannelId channelId) {
    return channels.record(channelId);
  }

  ChannelRecord require(ChannelId channelId) throws ChannelNotFoundException {
    return find(channelId).orElseThrow(() -> new ChannelNotFoundException(channelId));
  }

  void open(ChannelRecord fresh) throws DataTransferException {
    Blocking.await(channels.open(fresh));
  }

  void fire(ChannelId channelId, EventCode code) throws DataTransferException {
    fire(channelId, ChannelEvent.of(code));
  }

  void fire(ChannelId channelId, ChannelEvent event) throws DataTransferException {
    Blocking.await(channels.fire(channelId, event));
  }

  /**
   * Applies the events derived from the channel as it is now, with no other event in between.
   *
   * @param channelId the channel
   * @param decide the events, given the current record
   * @return whether any event was decided
   */
  boolean fireAll(ChannelId channelId, Function<ChannelRecord, List<ChannelEvent>> decide)
      throws DataTransferException {
    return !Blocking.await(channels.fireAll(channelId, decide)).isEmpty();
  }

  /**
   * Returns whether a channel is cleaning up or ended: no cancel, failure or transport error
   * changes how it ends any more.
   */
  static boolean isEnding(Status status) {
    return Status.CLEANUP.contains(status) || Status.TERMINAL.contains(status);
  }

  /**
   * Applies an event unless the channel is already ending: the first ending of a channel wins over
   * later cancels, failures and transport errors.
   *
   * @param channelId the channel
   * @param event the event
   * @return whether it was applied
   */
  boolean fireUnlessEnding(ChannelId channelId, ChannelEvent event) throws DataTransferException {
    return fireAll(channelId, current -> isEnding(current.status()) ? List.of() : List.of(event));
  }

  /** Returns the event that records a voucher result. */
  static ChannelEvent resultEvent(EncodedVoucher result) {
    return new ChannelEvent.VoucherAdded(EventCode.NEW_VOUCHER_RESULT, result);
  }

  /** Applies a failure event (Error, Disconnected, ...) whose text becomes the channel message. */
  void fail(ChannelId channelId, EventCode code, String error) throws DataTransferException {
    fire(channelId, new ChannelEvent.Failure(code, error));
  }

  void voucherResult(ChannelId channelId, EncodedVoucher result) throws DataTransferException {
    fire(channelId, resultEvent(result));
  }

  void voucher(ChannelId channelId, EncodedVoucher voucher) throws DataTransferException {
    fire(channelId, new ChannelEvent.VoucherAdded(EventCode.NEW_VOUCHER, voucher));
  }

  /**
   * Hands a block that moved to its channel and returns whether its CID is new for that direction
   * (§4.5), without waiting for the store: the channel records the blocks handed over in batches
   * and publishes their events after each batch is stored. When the channel falls behind by {@link
   * #BLOCK_BACKLOG} blocks, waits for this one, so the backlog stays bounded.
   */
  boolean blockMoved(ChannelId channelId, CidSet set, Cid cid, long size)
      throws DataTransferException {
    require(channelId);
    Channels.BlockHandOver handOver = channels.handOver(channelId, set, cid, size);
    if (handOver.backlog() > BLOCK_BACKLOG) {
      Blocking.await(handOver.recorded());
    } else {
      handOver
          .recorded()
          .whenComplete(
              (isNew, failure) -> {
                if (failure != null) {
                  log.warn(
                      "channel {}: block {} not recorded: {}", channelId, cid, failure.toString());
                }
              });
    }
    return handOver.looksNew();
  }

  /** Returns the CIDs of one of a channel's sets, in insertion order. */
  Set<Cid> cids(ChannelId channelId, CidSet set) {
    Set<Cid> cids = new LinkedHashSet<>();
    store.forEach(channelId, set, cids::add);
    return cids;
  }
}
