package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbNode;
import java.io.IOException;

/**
 * Loads blocks for the exporter, checks them against their CIDs and decodes dag-pb + UnixFS,
 * turning every failure into a {@link UnixFsException} that names the block.
 */
final class NodeLoader {
  private final BlockLoader loader;

  NodeLoader(BlockLoader loader) {
    this.loader = loader;
  }

  /** Loads a block and checks that its bytes hash to the CID. */
  byte[] load(Cid cid) throws IOException {
    byte[] bytes = loader.load(cid).orElseThrow(() -> new BlockNotFoundException(cid));
    try {
      Block.adopt(cid, bytes).verify();
    } catch (MalformedIpldException e) {
      throw new MalformedUnixFsException(cid, "bytes do not match the CID's hash", e);
    } catch (UnsupportedOperationException e) {
      throw new UnsupportedUnixFsException(cid, "cannot verify the hash function of the block");
    }
    return bytes;
  }

  /** Decodes a loaded dag-pb block and its UnixFS Data. */
  static UnixFsNode decode(Cid cid, byte[] bytes) throws MalformedUnixFsException {
    PbNode pb;
    try {
      pb = DagPb.decode(bytes);
    } catch (MalformedIpldException e) {
      throw new MalformedUnixFsException(cid, e.getMessage(), e);
    }
    byte[] data =
        pb.data()
            .orElseThrow(() -> new MalformedUnixFsException(cid, "dag-pb node has no Data", null));
    try {
      return new UnixFsNode(cid, pb, UnixFsData.decode(data));
    } catch (MalformedIpldException e) {
      throw new MalformedUnixFsException(cid, e.getMessage(), e);
    }
  }
}
