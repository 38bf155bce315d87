package io.dt4j.api;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;

/** The fixed parameters of one data transfer, set when the channel is opened. */
public interface Channel {

  /** Returns the transfer id, chosen by the initiator. */
  TransferId transferId();

  /** Returns the root of the DAG being transferred. */
  Cid baseCid();

  /** Returns the IPLD selector over the DAG. */
  Node selector();

  /** Returns the voucher the channel was opened with. */
  Voucher voucher();

  /** Returns the peer that sends the data. */
  PeerId sender();

  /** Returns the peer that receives the data. */
  PeerId recipient();

  /** Returns the total size of the data, or 0 when unknown (Go never sets it in v1.7). */
  long totalSize();

  /** Returns whether the initiator receives the data (a pull) rather than sends it (a push). */
  boolean isPull();

  /** Returns the channel's id. */
  ChannelId channelId();

  /** Returns the other party of the channel, seen from this node. */
  PeerId otherPeer();
}
