package io.dt4j.graphsync.extensions;

import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code graphsync/response-metadata} payload (graphsync spec §4.2.1): a DAG-CBOR list of
 * {@code {"link": CID, "blockPresent": bool}}, one entry per link load in traversal order. Go's
 * decoder rejects other keys, so none are written; this decoder rejects them too, but accepts the
 * two keys in either order.
 */
public final class ResponseMetadata {
  private static final String LINK = "link";
  private static final String BLOCK_PRESENT = "blockPresent";

  private ResponseMetadata() {}

  /**
   * Encodes metadata entries.
   *
   * @param entries the entries, in traversal order
   * @return the DAG-CBOR bytes ({@code 80} for none)
   */
  public static byte[] encode(List<LinkMetadata> entries) {
    List<Node> items = new ArrayList<>(entries.size());
    for (LinkMetadata entry : entries) {
      items.add(
          Node.map()
              .put(LINK, Node.link(entry.link()))
              .put(BLOCK_PRESENT, Node.of(entry.blockPresent()))
              .build());
    }
    return DagCbor.encode(new Node.ListNode(items));
  }

  /**
   * Decodes metadata.
   *
   * @param payload the DAG-CBOR bytes
   * @return the entries, in order
   * @throws MalformedExtensionException if the payload is not a list of such maps
   */
  public static List<LinkMetadata> decode(byte[] payload) throws MalformedExtensionException {
    Node node = decodeCbor(payload);
    if (!(node instanceof Node.ListNode list)) {
      throw malformed("not a list");
    }
    List<LinkMetadata> entries = new ArrayList<>(list.items().size());
    for (Node item : list.items()) {
      if (!(item instanceof Node.MapNode map) || map.entries().size() != 2) {
        throw malformed("an entry is not a map of link and blockPresent");
      }
      Map<String, Node> fields = map.entries();
      if (!(fields.get(LINK) instanceof Node.Link link)
          || !(fields.get(BLOCK_PRESENT) instanceof Node.Bool present)) {
        throw malformed("an entry lacks a link or a boolean blockPresent");
      }
      entries.add(new LinkMetadata(link.cid(), present.value()));
    }
    return entries;
  }

  private static Node decodeCbor(byte[] payload) throws MalformedExtensionException {
    try {
      return DagCbor.decode(payload);
    } catch (MalformedIpldException e) {
      throw new MalformedExtensionException(
          ExtensionNames.RESPONSE_METADATA + ": " + e.getMessage(), e);
    }
  }

  private static MalformedExtensionException malformed(String problem) {
    return new MalformedExtensionException(ExtensionNames.RESPONSE_METADATA + ": " + problem);
  }
}
