package io.dt4j.api;

/**
 * A data-transfer protocol message: a request or a response (data-transfer.md §2). Messages are
 * built in their 1.1 form; the network layer converts them for 1.0 peers where possible.
 */
public sealed interface TransferMessage permits TransferRequest, TransferResponse {

  /** Returns the message type. */
  MessageType type();

  /** Returns the transfer id of the channel this message is about. */
  TransferId transferId();
}
