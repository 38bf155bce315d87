package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.dagpb.PbNode;

/**
 * A verified, decoded dag-pb block with its UnixFS {@code Data}.
 *
 * @param cid the block's CID
 * @param pb the dag-pb node
 * @param unixfs the decoded {@code PBNode.Data}
 */
record UnixFsNode(Cid cid, PbNode pb, UnixFsData unixfs) {}
