package io.dt4j.api;

import io.dt4j.ipld.Cid;
import java.util.Optional;

/**
 * What a {@link Transport} reports to the manager, as it happens: the semantic data-transfer events
 * behind the transport's own hooks. The manager implements it; transports call it.
 *
 * <p>A method that throws tells the transport what to do with the channel: {@link
 * PauseChannelException} pauses it, {@link ResumeChannelException} resumes it (only where noted),
 * and any other {@link DataTransferException} cancels the request.
 *
 * <p>Where Go's hooks return a message and an error together, the Java hooks return the response
 * and its flags carry the error (data-transfer.md §2.4: {@code Acpt} = accepted, paused or resumed;
 * {@code Paus} = paused): a transport sends a returned New, Restart, VoucherResult or Complete
 * response, then pauses its side of the channel if the response is accepted and paused, or ends the
 * request if it is not accepted. The exceptions are for outcomes without a response. {@link
 * #onResponseReceived} throws {@link PauseChannelException} when this node serves the data while
 * the responder is paused, and {@link ResumeChannelException} when the responder resumed.
 */
public interface EventsHandler {

  /**
   * This node asked the other peer to send data on the channel.
   *
   * @param channelId the channel
   * @throws DataTransferException if the channel is not known: incoming data is then ignored
   */
  void onChannelOpened(ChannelId channelId) throws DataTransferException;

  /**
   * A response arrived for a request this node sent.
   *
   * @param channelId the channel
   * @param response the response
   * @throws DataTransferException to cancel the request
   */
  void onResponseReceived(ChannelId channelId, TransferResponse response)
      throws DataTransferException;

  /**
   * A block arrived on the channel.
   *
   * @param channelId the channel
   * @param link the block's CID
   * @param size the block's size in bytes
   * @throws DataTransferException to cancel, or {@link PauseChannelException} to pause
   */
  void onDataReceived(ChannelId channelId, Cid link, long size) throws DataTransferException;

  /**
   * A block was read and queued for sending.
   *
   * @param channelId the channel
   * @param link the block's CID
   * @param size the block's size in bytes
   * @return a data-transfer message to send along with the data, if any
   * @throws DataTransferException to cancel, or {@link PauseChannelException} to pause
   */
  Optional<TransferMessage> onDataQueued(ChannelId channelId, Cid link, long size)
      throws DataTransferException;

  /**
   * A block was sent on the channel.
   *
   * @param channelId the channel
   * @param link the block's CID
   * @param size the block's size in bytes
   * @throws DataTransferException to cancel the request
   */
  void onDataSent(ChannelId channelId, Cid link, long size) throws DataTransferException;

  /**
   * A request to send or receive data arrived.
   *
   * @param channelId the channel
   * @param request the request
   * @return the response to send back, if any
   * @throws DataTransferException to cancel; {@link PauseChannelException} to pause a new request;
   *     {@link ResumeChannelException} to resume on an update request
   */
  Optional<TransferResponse> onRequestReceived(ChannelId channelId, TransferRequest request)
      throws DataTransferException;

  /**
   * The transport finished moving the channel's data.
   *
   * @param channelId the channel
   * @param success whether all data moved
   * @throws DataTransferException logged, with no other effect
   */
  void onChannelCompleted(ChannelId channelId, boolean success) throws DataTransferException;

  /**
   * A request this node opened to receive data timed out.
   *
   * @param channelId the channel
   * @throws DataTransferException logged, with no other effect
   */
  void onRequestTimedOut(ChannelId channelId) throws DataTransferException;

  /**
   * A network error occurred on the channel's request, or it stalled while receiving.
   *
   * @param channelId the channel
   * @throws DataTransferException logged, with no other effect
   */
  void onRequestDisconnected(ChannelId channelId) throws DataTransferException;

  /**
   * A request to send data was queued by the transport before being processed (data-transfer.md
   * §6.3, request-queued hook).
   *
   * @param channelId the channel
   * @throws DataTransferException logged, with no other effect
   */
  default void onTransferQueued(ChannelId channelId) throws DataTransferException {}

  /**
   * The transport gave up on the channel's data: a request or response ended with an error. The
   * default reports it as an unsuccessful completion.
   *
   * @param channelId the channel
   * @param reason what went wrong, e.g. {@code "graphsync request failed to complete: ..."}
   * @throws DataTransferException logged, with no other effect
   */
  default void onChannelFailed(ChannelId channelId, String reason) throws DataTransferException {
    onChannelCompleted(channelId, false);
  }

  /**
   * This node cancelled its own request for the channel's data (data-transfer.md §6.3, request
   * finished with a client-cancelled error).
   *
   * @param channelId the channel
   * @param reason why it was cancelled
   * @throws DataTransferException logged, with no other effect
   */
  default void onRequestCancelled(ChannelId channelId, String reason)
      throws DataTransferException {}

  /**
   * Sending the channel's data to the peer failed on the network. A channel monitor restarts the
   * channel after this.
   *
   * @param channelId the channel
   * @param reason the network error
   * @throws DataTransferException logged, with no other effect
   */
  default void onSendDataError(ChannelId channelId, String reason) throws DataTransferException {}

  /**
   * Receiving the channel's data from the peer failed on the network. A channel monitor restarts
   * the channel after this.
   *
   * @param channelId the channel
   * @param reason the network error
   * @throws DataTransferException logged, with no other effect
   */
  default void onReceiveDataError(ChannelId channelId, String reason)
      throws DataTransferException {}
}
