package io.dt4j.core.testing;

/**
 * The two ends of a graphsync-like request: the requester receives the data, the responder sends it
 * (data-transfer.md §5: the data recipient is always the graphsync requester).
 */
enum Side {
  REQUESTER,
  RESPONDER;

  Side other() {
    return this == REQUESTER ? RESPONDER : REQUESTER;
  }
}
