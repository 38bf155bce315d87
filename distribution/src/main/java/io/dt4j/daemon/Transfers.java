package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Subscription;
import io.dt4j.api.Voucher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The node's channels as the daemon and its admin API use them: list, follow, open and control.
 * {@link ManagerTransfers} goes through a {@link io.dt4j.api.Manager}; {@link StoredTransfers}
 * reads the channel store of a node without a transport; a {@link TransfersFactory} picks one.
 */
public interface Transfers extends AutoCloseable {

  /** Returns every channel, terminal ones included. */
  List<ChannelSnapshot> channels();

  /**
   * Follows every channel's events, in the order they were applied.
   *
   * @param listener called once per event; calls never overlap
   * @return the subscription; close it to stop
   */
  Subscription subscribe(Consumer<TransferEvent> listener);

  /**
   * Opens a pull or push channel.
   *
   * @param transfer what to transfer
   * @return the new channel's id, once the request is sent
   */
  CompletionStage<ChannelId> open(NewTransfer transfer);

  /**
   * Sends a new voucher on a channel this node opened, e.g. a payment the responder asked for
   * (data-transfer.md §5.5). This default has no manager to send it with and fails.
   *
   * @param channelId the channel
   * @param voucher the new voucher
   * @return done once the voucher is recorded and sent
   */
  default CompletionStage<Void> sendVoucher(ChannelId channelId, Voucher voucher) {
    return CompletableFuture.failedFuture(
        new TransfersUnavailableException(
            "this node cannot send vouchers: it has no data-transfer manager"));
  }

  /** Pauses a channel. */
  CompletionStage<Void> pause(ChannelId channelId);

  /** Resumes a channel this node paused. */
  CompletionStage<Void> resume(ChannelId channelId);

  /** Cancels a channel: locally first, then tells the peer. */
  CompletionStage<Void> cancel(ChannelId channelId);

  /** Restarts a channel after a disconnect or a restart. */
  CompletionStage<Void> restart(ChannelId channelId);

  /** Stops: channels are persisted, peers told where the implementation can. */
  @Override
  void close();
}
