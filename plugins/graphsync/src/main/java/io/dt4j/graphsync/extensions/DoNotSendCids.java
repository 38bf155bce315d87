package io.dt4j.graphsync.extensions;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code graphsync/do-not-send-cids} payload (graphsync spec §4.2.2): a DAG-CBOR list of CID
 * links, in no meaningful order. The responder still traverses through those blocks and lists them
 * in its metadata as present, but does not send their bytes.
 */
public final class DoNotSendCids {
  private DoNotSendCids() {}

  /**
   * Encodes CIDs.
   *
   * @param cids the CIDs
   * @return the DAG-CBOR list of links
   */
  public static byte[] encode(Collection<Cid> cids) {
    List<Node> links = new ArrayList<>(cids.size());
    for (Cid cid : cids) {
      links.add(Node.link(cid));
    }
    return DagCbor.encode(new Node.ListNode(links));
  }

  /**
   * Decodes CIDs.
   *
   * @param payload the DAG-CBOR bytes
   * @return the CIDs, duplicates dropped
   * @throws MalformedExtensionException if the payload is not a list of links
   */
  public static Set<Cid> decode(byte[] payload) throws MalformedExtensionException {
    Node node;
    try {
      node = DagCbor.decode(payload);
    } catch (MalformedIpldException e) {
      throw new MalformedExtensionException(
          ExtensionNames.DO_NOT_SEND_CIDS + ": " + e.getMessage(), e);
    }
    if (!(node instanceof Node.ListNode list)) {
      throw new MalformedExtensionException(ExtensionNames.DO_NOT_SEND_CIDS + ": not a list");
    }
    Set<Cid> cids = new LinkedHashSet<>();
    for (Node item : list.items()) {
      if (!(item instanceof Node.Link link)) {
        throw new MalformedExtensionException(
            ExtensionNames.DO_NOT_SEND_CIDS + ": an item is not a link");
      }
      cids.add(link.cid());
    }
    return cids;
  }
}
