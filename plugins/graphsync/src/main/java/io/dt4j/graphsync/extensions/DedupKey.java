package io.dt4j.graphsync.extensions;

import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;

/**
 * The {@code graphsync/dedup-by-key} payload (graphsync spec §4.2.3): a DAG-CBOR text string.
 * Requests from one peer that carry the same key share a de-duplication set, apart from the peer's
 * default one. Only equality of keys matters.
 */
public final class DedupKey {
  private DedupKey() {}

  /**
   * Encodes a key.
   *
   * @param key the key
   * @return the DAG-CBOR string
   */
  public static byte[] encode(String key) {
    return DagCbor.encode(Node.of(key));
  }

  /**
   * Decodes a key.
   *
   * @param payload the DAG-CBOR bytes
   * @return the key
   * @throws MalformedExtensionException if the payload is not a string
   */
  public static String decode(byte[] payload) throws MalformedExtensionException {
    try {
      if (DagCbor.decode(payload) instanceof Node.Str key) {
        return key.value();
      }
    } catch (MalformedIpldException e) {
      throw new MalformedExtensionException(ExtensionNames.DEDUP_BY_KEY + ": " + e.getMessage(), e);
    }
    throw new MalformedExtensionException(ExtensionNames.DEDUP_BY_KEY + ": not a string");
  }
}
