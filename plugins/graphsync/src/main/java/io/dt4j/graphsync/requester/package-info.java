/**
 * The graphsync engine's requester (graphsync spec §5.3–5.5): requests sent to one peer, each
 * running its own traversal over the blocks that arrive — a block is stored only when the traversal
 * asks for exactly its CID — with the peer's shared cache of received, not yet used blocks, and the
 * requester hooks. Not API: used by {@code io.dt4j.graphsync.engine}.
 */
package io.dt4j.graphsync.requester;
