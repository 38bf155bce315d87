/**
 * The graphsync engine's responder (graphsync spec §5.1–5.2, §3.3–3.5): the requests one peer sent
 * this node, queued and then served a few at a time, each walking its selector over the blockstore
 * one link load at a time and queueing one transaction per load — never more than the peer's queue
 * allows, never the whole DAG in memory — with the responder hooks, de-duplication and the
 * do-not-send extensions. Not API: used by {@code io.dt4j.graphsync.engine}.
 */
package io.dt4j.graphsync.responder;
