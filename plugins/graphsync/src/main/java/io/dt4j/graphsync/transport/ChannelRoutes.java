package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.ipld.Cid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Which channel a graphsync request belongs to, and each channel's current request. A channel is
 * found by the keys (request id, issuing peer) it was seen under (data-transfer.md §6.2); all keys
 * of a channel are forgotten together. Thread-safe: every change is one atomic map operation.
 */
final class ChannelRoutes {
  /** A graphsync request, named by its id and the peer that issued it. */
  record Key(int requestId, PeerId issuer) {}

  private final Map<Key, ChannelId> channels = new ConcurrentHashMap<>();
  private final Map<ChannelId, Route> routes = new ConcurrentHashMap<>();

  /** Records that the request under {@code key} carries {@code channelId}. */
  void bind(Key key, ChannelId channelId) {
    channels.put(key, channelId);
  }

  Optional<ChannelId> channelOf(Key key) {
    return Optional.ofNullable(channels.get(key));
  }

  Optional<Route> routeOf(ChannelId channelId) {
    return Optional.ofNullable(routes.get(channelId));
  }

  /** This node issued a request for the channel; it replaces what was there. */
  void requesting(ChannelId channelId, RequestHandle handle, Set<Cid> recorded) {
    routes.put(channelId, new Route.Requesting(handle, recorded));
  }

  /**
   * This node serves a new request of the channel.
   *
   * @return extension data queued for this request while the requester had cancelled the last one
   */
  Extensions serving(ChannelId channelId, PeerId requester, int requestId) {
    Route old =
        routes.put(channelId, new Route.Serving(requester, requestId, false, Extensions.none()));
    return old instanceof Route.Serving served && served.requesterCancelled()
        ? served.pending()
        : Extensions.none();
  }

  /** Changes the channel's serving route, if it is served. */
  void updateServing(ChannelId channelId, UnaryOperator<Route.Serving> change) {
    routes.computeIfPresent(
        channelId, (chid, route) -> route instanceof Route.Serving s ? change.apply(s) : route);
  }

  /** Returns the requests this node issued, for a shut-down. */
  List<RequestHandle> ownRequests() {
    return routes.values().stream()
        .filter(Route.Requesting.class::isInstance)
        .map(r -> ((Route.Requesting) r).handle())
        .toList();
  }

  /** Returns the channels that have a key issued by or sent to {@code peer}. */
  List<ChannelId> channelsWith(PeerId peer) {
    return routes.keySet().stream()
        .filter(chid -> chid.initiator().equals(peer) || chid.responder().equals(peer))
        .toList();
  }

  /** Forgets the channel and all its keys. */
  void forget(ChannelId channelId) {
    routes.remove(channelId);
    channels.values().removeIf(channelId::equals);
  }
}
