package io.dt4j.graphsync.message;

/**
 * A requester stops request {@code id} (graphsync spec §3.3). The responder then sends nothing more
 * for it.
 *
 * @param id the request id
 */
public record CancelRequest(int id) implements GraphsyncRequest {}
