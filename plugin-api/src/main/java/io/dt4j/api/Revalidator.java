package io.dt4j.api;

import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: re-checks running channels whose vouchers are of {@link #voucherTypes()}, for
 * example to ask for a payment every N bytes of a retrieval. It runs on the responder.
 *
 * <p>Revalidators are asked in registration order; the first that does not answer {@link
 * RevalidationResult.NotHandled} decides. Implementations are thread-safe; calls for one channel
 * never overlap.
 */
public interface Revalidator extends ExtensionPoint {

  /** Returns the voucher types this revalidator handles. */
  Set<TypeIdentifier> voucherTypes();

  /**
   * Checks a new voucher that the initiator sent on a running channel.
   *
   * @param channelId the channel
   * @param voucher the new voucher
   * @return resume, continue, pause or reject
   */
  RevalidationResult revalidate(ChannelId channelId, Voucher voucher);

  /**
   * Called on the responder of a pull when more distinct bytes were sent.
   *
   * @param channelId the channel
   * @param additionalBytesSent bytes sent since the last call
   * @return {@link RevalidationResult.Pause} to ask for a voucher, continue, or reject
   */
  RevalidationResult onPullDataSent(ChannelId channelId, long additionalBytesSent);

  /**
   * Called on the responder of a push when more distinct bytes were received.
   *
   * @param channelId the channel
   * @param additionalBytesReceived bytes received since the last call
   * @return {@link RevalidationResult.Pause} to ask for a voucher, continue, or reject
   */
  RevalidationResult onPushDataReceived(ChannelId channelId, long additionalBytesReceived);

  /**
   * Called when all data has moved, for a final settlement. {@link RevalidationResult.Pause} keeps
   * the channel finalizing until a voucher that {@link #revalidate} resumes arrives.
   *
   * @param channelId the channel
   * @return pause for settlement, continue to complete, or reject
   */
  RevalidationResult onComplete(ChannelId channelId);
}
