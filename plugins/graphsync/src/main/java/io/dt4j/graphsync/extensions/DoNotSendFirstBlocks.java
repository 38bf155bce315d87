package io.dt4j.graphsync.extensions;

import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;

/**
 * The {@code graphsync/do-not-send-first-blocks} payload (graphsync spec §4.2.4, go-graphsync
 * v0.10+): a DAG-CBOR integer N. The responder does not send the bytes of the first N link loads of
 * the traversal, but still lists them in its metadata.
 */
public final class DoNotSendFirstBlocks {
  private DoNotSendFirstBlocks() {}

  /**
   * Encodes a count.
   *
   * @param count the number of link loads to skip, not negative
   * @return the DAG-CBOR integer
   */
  public static byte[] encode(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    return DagCbor.encode(Node.of(count));
  }

  /**
   * Decodes a count.
   *
   * @param payload the DAG-CBOR bytes
   * @return the count
   * @throws MalformedExtensionException if the payload is not a non-negative integer
   */
  public static long decode(byte[] payload) throws MalformedExtensionException {
    try {
      if (DagCbor.decode(payload) instanceof Node.Int count && count.value() >= 0) {
        return count.value();
      }
    } catch (MalformedIpldException e) {
      throw new MalformedExtensionException(
          ExtensionNames.DO_NOT_SEND_FIRST_BLOCKS + ": " + e.getMessage(), e);
    }
    throw new MalformedExtensionException(
        ExtensionNames.DO_NOT_SEND_FIRST_BLOCKS + ": not a non-negative integer");
  }
}
