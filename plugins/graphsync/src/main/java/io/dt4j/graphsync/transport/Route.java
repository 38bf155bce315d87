package io.dt4j.graphsync.transport;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.ipld.Cid;
import java.util.Set;

/**
 * The graphsync request that currently carries a channel's data, seen from this node: one it issued
 * (it receives the data) or one it serves (data-transfer.md §6.4: operations depend on who issued
 * the current request). Immutable; {@link ChannelRoutes} swaps them atomically.
 */
sealed interface Route {

  /**
   * This node issued the request.
   *
   * @param handle the request's handle
   * @param recorded the blocks the channel had recorded when the request was issued (its
   *     do-not-send-cids): loading one of them from the local store is not news to the manager
   */
  record Requesting(RequestHandle handle, Set<Cid> recorded) implements Route {
    /** Copies the set. */
    public Requesting {
      recorded = Set.copyOf(recorded);
    }
  }

  /**
   * This node serves the request.
   *
   * @param requester the peer that issued it
   * @param requestId its id
   * @param requesterCancelled the requester cancelled it (how a graphsync requester pauses): pause
   *     and close do nothing, a resume waits for the next request of the channel
   * @param pending extension data to send on the next request of the channel
   */
  record Serving(PeerId requester, int requestId, boolean requesterCancelled, Extensions pending)
      implements Route {

    Serving cancelledByRequester() {
      return new Serving(requester, requestId, true, pending);
    }

    Serving withPending(Extensions more) {
      return new Serving(requester, requestId, requesterCancelled, pending.withAll(more));
    }
  }
}
