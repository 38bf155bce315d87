package io.dt4j.api;

/**
 * Encodes and decodes whole data-transfer messages as they travel inside a transport's own
 * messages, for example as graphsync extension data (data-transfer.md §6.1): the bytes are exactly
 * those a data-transfer stream of that protocol version would carry. The node provides it through
 * {@link TransportContext#messageCodec()}, so that a transport plugin needs no codec of its own.
 */
public interface TransferMessageCodec {

  /**
   * Encodes a message.
   *
   * @param message the message
   * @param legacy10 true for the 1.0 tuple form ({@code fil/data-transfer}), false for the 1.1 map
   *     form
   * @return the encoded message, envelope included
   * @throws DataTransferException if the 1.0 form cannot express the message (restarts)
   */
  byte[] encode(TransferMessage message, boolean legacy10) throws DataTransferException;

  /**
   * Decodes a message that fills {@code bytes} exactly.
   *
   * @param bytes the encoded message, from the network
   * @param legacy10 true if the bytes are in the 1.0 tuple form
   * @return the message
   * @throws DataTransferException if the bytes are not a valid message of that version; the text
   *     names the field and byte offset
   */
  TransferMessage decode(byte[] bytes, boolean legacy10) throws DataTransferException;
}
