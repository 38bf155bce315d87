package io.dt4j.api;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The data-transfer manager: opens, tracks and controls push and pull channels, validates incoming
 * requests through registered vouchers, and reports every state change to subscribers. It mirrors
 * go-data-transfer's {@code Manager}.
 *
 * <p>Operations that talk to the network return a {@link CompletionStage}; it fails with a {@link
 * DataTransferException} subclass, such as {@link ChannelNotFoundException} for an unknown channel.
 * Implementations are thread-safe.
 */
public interface Manager {

  /**
   * Starts processing: opens the channel store, installs the network receiver and transport hooks.
   *
   * @return completes when started
   */
  CompletionStage<Void> start();

  /**
   * Registers a listener told once when the manager is ready, or failed to start.
   *
   * @param listener the listener
   */
  void onReady(ReadyListener listener);

  /**
   * Stops all transfers and ends processing.
   *
   * @return completes when stopped
   */
  CompletionStage<Void> stop();

  /**
   * Registers a voucher type with the validator for requests that carry it.
   *
   * @param type the voucher type
   * @param validator the validator of requests with such vouchers
   * @throws DuplicateRegistrationException if the identifier is registered already
   */
  void registerVoucherType(VoucherType<? extends Voucher> type, RequestValidator validator)
      throws DuplicateRegistrationException;

  /**
   * Registers a revalidator for channels whose vouchers are of the given type.
   *
   * @param type the voucher type used to revalidate
   * @param revalidator the revalidator
   * @throws DuplicateRegistrationException if a revalidator is registered for the type already
   */
  void registerRevalidator(VoucherType<? extends Voucher> type, Revalidator revalidator)
      throws DuplicateRegistrationException;

  /**
   * Registers a voucher-result type, so that results of this type can be decoded.
   *
   * @param type the voucher-result type
   * @throws DuplicateRegistrationException if the identifier is registered already
   */
  void registerVoucherResultType(VoucherType<? extends VoucherResult> type)
      throws DuplicateRegistrationException;

  /**
   * Registers a transport configurer run on channels whose vouchers are of the given type.
   *
   * @param type the voucher type
   * @param configurer the configurer
   * @throws DuplicateRegistrationException if a configurer is registered for the type already
   */
  void registerTransportConfigurer(
      VoucherType<? extends Voucher> type, TransportConfigurer configurer)
      throws DuplicateRegistrationException;

  /**
   * Opens a channel that sends the data selected from {@code baseCid} to {@code to}.
   *
   * @param to the recipient
   * @param voucher the voucher that justifies the transfer
   * @param baseCid the root of the DAG
   * @param selector the IPLD selector over the DAG
   * @return the new channel's id, once the request is sent
   */
  CompletionStage<ChannelId> openPushDataChannel(
      PeerId to, Voucher voucher, Cid baseCid, Node selector);

  /**
   * Opens a channel that asks {@code to} for the data selected from {@code baseCid}.
   *
   * @param to the sender
   * @param voucher the voucher that justifies the transfer
   * @param baseCid the root of the DAG
   * @param selector the IPLD selector over the DAG
   * @return the new channel's id, once the request is sent
   */
  CompletionStage<ChannelId> openPullDataChannel(
      PeerId to, Voucher voucher, Cid baseCid, Node selector);

  /**
   * Sends a new voucher on a channel, when the responder asked for revalidation.
   *
   * @param channelId the channel, which this node initiated
   * @param voucher the new voucher
   * @return completes when sent
   */
  CompletionStage<Void> sendVoucher(ChannelId channelId, Voucher voucher);

  /**
   * Closes (cancels) a channel.
   *
   * @param channelId the channel
   * @return completes when cancelled locally and the other party was told, or fails
   */
  CompletionStage<Void> closeDataTransferChannel(ChannelId channelId);

  /**
   * Pauses a channel; fails with {@link UnsupportedByTransportException} if the transport cannot.
   *
   * @param channelId the channel
   * @return completes when paused
   */
  CompletionStage<Void> pauseDataTransferChannel(ChannelId channelId);

  /**
   * Resumes a channel this node paused.
   *
   * @param channelId the channel
   * @return completes when resumed
   */
  CompletionStage<Void> resumeDataTransferChannel(ChannelId channelId);

  /**
   * Restarts a channel, after a disconnect or a restart of either node.
   *
   * @param channelId the channel
   * @return completes when the restart request is sent
   */
  CompletionStage<Void> restartDataTransferChannel(ChannelId channelId);

  /**
   * Returns the status of a channel.
   *
   * @param channelId the channel
   * @return its status, or {@link Status#CHANNEL_NOT_FOUND_ERROR} if there is no such channel
   */
  Status transferChannelStatus(ChannelId channelId);

  /**
   * Returns a snapshot of a channel's state.
   *
   * @param channelId the channel
   * @return the state
   * @throws ChannelNotFoundException if there is no such channel
   */
  ChannelState channelState(ChannelId channelId) throws ChannelNotFoundException;

  /**
   * Subscribes to the events of all channels.
   *
   * @param subscriber the subscriber
   * @return the subscription; close it to unsubscribe
   */
  Subscription subscribeToEvents(Subscriber subscriber);

  /**
   * Returns every stored channel — terminal ones included, as Go does — keyed by id.
   *
   * @return snapshots of the channels
   */
  Map<ChannelId, ChannelState> inProgressChannels();
}
