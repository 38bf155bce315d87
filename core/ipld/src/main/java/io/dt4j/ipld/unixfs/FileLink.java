package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;

/**
 * What a parent needs to know about a finished child of a file DAG: its CID, the file bytes under
 * it (the parent's {@code blocksizes} entry) and its cumulative encoded size (the link's Tsize).
 *
 * @param cid the child's CID
 * @param fileBytes file bytes under the child
 * @param tsize the child's block bytes plus those of all its descendants
 */
record FileLink(Cid cid, long fileBytes, long tsize) {}
