package io.dt4j.api;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * A data-transfer request (data-transfer.md §2.3), sent by the initiator — except {@link
 * MessageType#RESTART_EXISTING_CHANNEL_REQUEST}, which the responder sends.
 *
 * @param type the request kind
 * @param transferId the transfer id (zero in restart-existing-channel requests)
 * @param baseCid the root of the DAG, for new and restart requests
 * @param paused the pause flag of update requests
 * @param pull whether the initiator wants to receive data (new and restart requests)
 * @param selector the IPLD selector, for new and restart requests
 * @param voucher the voucher, for new, restart and voucher requests
 * @param restartChannel the channel to restart, for restart-existing-channel requests
 */
public record TransferRequest(
    MessageType type,
    TransferId transferId,
    Optional<Cid> baseCid,
    boolean paused,
    boolean pull,
    Optional<Node> selector,
    Optional<EncodedVoucher> voucher,
    Optional<ChannelId> restartChannel)
    implements TransferMessage {

  /** Checks the fields each request kind needs. */
  public TransferRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(transferId, "transferId");
    Objects.requireNonNull(baseCid, "baseCid");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(voucher, "voucher");
    Objects.requireNonNull(restartChannel, "restartChannel");
    if (type == MessageType.COMPLETE || type == MessageType.VOUCHER_RESULT) {
      throw new IllegalArgumentException("message type " + type + " is not valid for a request");
    }
    if ((type == MessageType.NEW || type == MessageType.RESTART) && baseCid.isEmpty()) {
      throw new IllegalArgumentException("a " + type + " request needs a base CID");
    }
  }
}
