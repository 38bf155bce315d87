package io.dt4j.graphsync.message;

/**
 * One entry of a message's request list (graphsync spec §2.2): a new request, a cancel or an
 * update, all keyed by the requester-chosen id. Ids are unique per requester peer only, so state is
 * keyed by (peer, id).
 */
public sealed interface GraphsyncRequest permits NewRequest, CancelRequest, UpdateRequest {

  /**
   * Returns the request id.
   *
   * @return the id chosen by the requester
   */
  int id();
}
