/**
 * The graphsync engine's network part (graphsync spec §1): one outbound {@link
 * io.dt4j.graphsync.network.MessageQueue} per peer that batches requests, responses and blocks into
 * messages within the size budget and writes them with retries; and an {@link
 * io.dt4j.graphsync.network.InboundStreamReader} per incoming stream that frames, bounds and
 * decodes what arrives. Not API: used by {@code io.dt4j.graphsync.engine}.
 */
package io.dt4j.graphsync.network;
