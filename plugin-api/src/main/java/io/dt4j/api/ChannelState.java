package io.dt4j.api;

import io.dt4j.ipld.Cid;
import java.util.List;
import java.util.Optional;

/**
 * A channel's parameters plus its current state: an immutable snapshot, taken when an event was
 * applied or when the state was looked up. Byte counters count each distinct block once per
 * direction, also across restarts (data-transfer.md §4.5).
 */
public interface ChannelState extends Channel {

  /** Returns this node's peer id. */
  PeerId selfPeer();

  /** Returns the channel's status. */
  Status status();

  /** Returns the number of bytes sent. */
  long sent();

  /** Returns the number of bytes received. */
  long received();

  /** Returns the number of bytes read and queued for sending. */
  long queued();

  /** Returns extra information about the status, often the last error; may be empty. */
  String message();

  /** Returns every voucher of the channel, the opening one first. */
  List<Voucher> vouchers();

  /** Returns every voucher result of the channel, oldest first. */
  List<VoucherResult> voucherResults();

  /** Returns the last voucher sent on the channel. */
  Voucher lastVoucher();

  /** Returns the last voucher result, if any was sent. */
  Optional<VoucherResult> lastVoucherResult();

  /** Returns the CIDs received so far, in the order they arrived. */
  List<Cid> receivedCids();

  /** Returns the number of distinct CIDs received so far. */
  int receivedCidsCount();
}
