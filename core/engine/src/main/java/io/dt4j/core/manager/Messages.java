package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Optional;

/**
 * Builds the messages the manager sends, with the fields go-data-transfer's constructors set for
 * each kind (data-transfer.md §2.3, §2.4). Pure.
 */
final class Messages {
  private Messages() {}

  /** A New request (Type 0) opening a push or a pull. */
  static TransferRequest newRequest(
      TransferId id, boolean pull, EncodedVoucher voucher, Cid baseCid, Node selector) {
    return opening(MessageType.NEW, id, pull, voucher, baseCid, selector);
  }

  /** A Restart request (Type 6): the New request again, with the channel's first voucher. */
  static TransferRequest restartRequest(
      TransferId id, boolean pull, EncodedVoucher voucher, Cid baseCid, Node selector) {
    return opening(MessageType.RESTART, id, pull, voucher, baseCid, selector);
  }

  private static TransferRequest opening(
      MessageType type,
      TransferId id,
      boolean pull,
      EncodedVoucher voucher,
      Cid baseCid,
      Node selector) {
    return new TransferRequest(
        type,
        id,
        Optional.of(baseCid),
        false,
        pull,
        Optional.of(selector),
        Optional.of(voucher),
        Optional.empty());
  }

  /** A Voucher request (Type 4): a new voucher on a running channel. */
  static TransferRequest voucherRequest(TransferId id, EncodedVoucher voucher) {
    return new TransferRequest(
        MessageType.VOUCHER,
        id,
        Optional.empty(),
        false,
        false,
        Optional.empty(),
        Optional.of(voucher),
        Optional.empty());
  }

  /** A RestartExistingChannel request (Type 7): the responder asks the initiator to restart. */
  static TransferRequest restartExistingChannelRequest(ChannelId channelId) {
    return new TransferRequest(
        MessageType.RESTART_EXISTING_CHANNEL_REQUEST,
        new TransferId(0),
        Optional.empty(),
        false,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.of(channelId));
  }

  /** A response that carries a decision: New, Restart, VoucherResult or Complete. */
  static TransferResponse decision(
      MessageType type,
      TransferId id,
      boolean accepted,
      boolean paused,
      Optional<EncodedVoucher> result) {
    return new TransferResponse(type, id, accepted, paused, result);
  }

  /** The pause (or resume) message of the channel's party {@code self}: Update, Type 1. */
  static TransferMessage update(ChannelId channelId, PeerId self, boolean paused) {
    TransferId id = channelId.id();
    return channelId.initiator().equals(self)
        ? new TransferRequest(
            MessageType.UPDATE,
            id,
            Optional.empty(),
            paused,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty())
        : new TransferResponse(MessageType.UPDATE, id, false, paused, Optional.empty());
  }

  /** The cancel message of the channel's party {@code self}: Cancel, Type 2. */
  static TransferMessage cancel(ChannelId channelId, PeerId self) {
    TransferId id = channelId.id();
    return channelId.initiator().equals(self)
        ? new TransferRequest(
            MessageType.CANCEL,
            id,
            Optional.empty(),
            false,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty())
        : new TransferResponse(MessageType.CANCEL, id, false, false, Optional.empty());
  }
}
