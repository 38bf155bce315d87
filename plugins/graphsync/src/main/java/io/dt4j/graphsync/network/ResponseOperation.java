package io.dt4j.graphsync.network;

import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import java.util.Objects;
import java.util.Optional;

/**
 * One responder "transaction" (graphsync spec §1, §5.1): at most one link load's metadata entry and
 * block, extension data and a status, for one request. A transaction never straddles two messages.
 *
 * @param request the request served (its id keys the response entry; listeners get it back)
 * @param link the metadata entry of a link load, if any
 * @param block the block bytes to send, if any (absent when missing or de-duplicated)
 * @param blockSize the size of the loaded block (0 when missing); on the wire only if {@code block}
 * @param extensions extension data for the response entry
 * @param status a pause or terminal status; absent means partial response (14)
 */
public record ResponseOperation(
    NewRequest request,
    Optional<LinkMetadata> link,
    Optional<Block> block,
    int blockSize,
    Extensions extensions,
    Optional<ResponseStatusCode> status) {

  /**
   * Rejects nulls.
   *
   * @param request the request
   * @param link the metadata entry
   * @param block the block bytes
   * @param blockSize the loaded block's size
   * @param extensions the extension data
   * @param status the status
   */
  public ResponseOperation {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(extensions, "extensions");
    Objects.requireNonNull(status, "status");
  }

  /**
   * Returns an operation carrying only a status and extension data.
   *
   * @param request the request
   * @param extensions the extension data
   * @param status the status, or empty for 14
   * @return the operation
   */
  public static ResponseOperation status(
      NewRequest request, Extensions extensions, Optional<ResponseStatusCode> status) {
    return new ResponseOperation(
        request, Optional.empty(), Optional.empty(), 0, extensions, status);
  }

  /**
   * Returns the bytes this operation adds to a message's budget: block bytes sent plus extension
   * payloads (Go's transaction size).
   *
   * @return the size
   */
  public int budgetBytes() {
    return (block.isPresent() ? blockSize : 0) + extensions.payloadBytes();
  }

  /**
   * Returns the block bytes this operation puts on the wire.
   *
   * @return the bytes, 0 without a block
   */
  public int wireBlockBytes() {
    return block.isPresent() ? blockSize : 0;
  }
}
