package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.dagpb.DagPb;

/** Turns a loaded block into its data-model node, choosing the codec by the CID. */
@FunctionalInterface
public interface NodeDecoder {
  /**
   * Decodes a block.
   *
   * @param cid the block's CID
   * @param data the block's bytes; the node may share them (a raw block's bytes node does), so they
   *     must not change afterwards
   * @return the node
   * @throws UnsupportedCodecException if the CID's codec is not supported
   * @throws io.dt4j.ipld.MalformedIpldException if the bytes are not valid for the codec
   */
  Node decode(Cid cid, byte[] data);

  /**
   * Returns the decoder for the codecs graphsync peers exchange: dag-cbor, raw (a bytes node) and
   * dag-pb (go-codec-dagpb's data-model form, graphsync spec §6.4); any other codec gives {@link
   * UnsupportedCodecException}.
   *
   * @return the decoder
   */
  static NodeDecoder standard() {
    return NodeDecoder::decodeByCodec;
  }

  private static Node decodeByCodec(Cid cid, byte[] data) {
    long codec = cid.codec();
    if (codec == Multicodec.DAG_CBOR) {
      return DagCbor.decode(data);
    }
    if (codec == Multicodec.RAW) {
      return Node.Bytes.adopt(data); // the block's bytes, read-only from here on
    }
    if (codec == Multicodec.DAG_PB) {
      return DagPb.toNode(DagPb.decode(data));
    }
    throw new UnsupportedCodecException(cid);
  }
}
