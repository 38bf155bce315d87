package io.dt4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A data-transfer response (data-transfer.md §2.4), sent by the responder.
 *
 * @param type the response kind
 * @param transferId the transfer id of the channel (the initiator's id)
 * @param accepted whether the request or voucher was accepted
 * @param paused whether the responder paused the channel (for {@link MessageType#COMPLETE}: a final
 *     voucher is awaited)
 * @param voucherResult the voucher result, if any
 */
public record TransferResponse(
    MessageType type,
    TransferId transferId,
    boolean accepted,
    boolean paused,
    Optional<EncodedVoucher> voucherResult)
    implements TransferMessage {

  /** Checks the fields. */
  public TransferResponse {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(transferId, "transferId");
    Objects.requireNonNull(voucherResult, "voucherResult");
    if (type == MessageType.VOUCHER || type == MessageType.RESTART_EXISTING_CHANNEL_REQUEST) {
      throw new IllegalArgumentException("message type " + type + " is not valid for a response");
    }
  }
}
