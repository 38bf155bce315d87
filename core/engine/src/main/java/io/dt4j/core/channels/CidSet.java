package io.dt4j.core.channels;

/**
 * The per-channel sets of CIDs seen, one per direction (data-transfer.md §4.5): a block counts
 * towards a byte counter only the first time its CID enters the set, also across restarts.
 */
public enum CidSet {
  /** Blocks sent. */
  DATA_SENT,
  /** Blocks read and queued for sending. */
  DATA_QUEUED,
  /** Blocks received; also the "do not send" list on restart. */
  DATA_RECEIVED
}
