package io.dt4j.core.network;

import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.host.Host;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link RequestLimits} to the messages peers send on dt-net: channel-opening requests
 * over a peer's rate are dropped (the first ones of a run answered with a rejection), and a peer
 * that keeps flooding is cut off: its connections are closed, and each dt-net stream it opens while
 * cut off is reset unread. It is not disconnected again for those streams: a reconnection costs
 * this node a Noise handshake, a reset stream almost nothing. Thread-safe, as the limiter is.
 */
final class FloodGuard {
  private static final Logger log = LoggerFactory.getLogger("data_transfer_network");

  /** What to do with one message. */
  enum Verdict {
    /** Hand it to the receiver. */
    DELIVER,
    /** Drop it; the stream goes on. */
    DROP,
    /** Drop it and cut the peer off. */
    CUT_OFF
  }

  private final RequestLimiter limiter;
  private final Host host;
  private final BiConsumer<PeerId, TransferResponse> reply;

  /**
   * Creates the guard.
   *
   * @param limiter the per-peer limits
   * @param host closes a flooder's connections
   * @param reply sends a rejection once, without retries
   */
  FloodGuard(RequestLimiter limiter, Host host, BiConsumer<PeerId, TransferResponse> reply) {
    this.limiter = limiter;
    this.host = host;
    this.reply = reply;
  }

  RequestLimits limits() {
    return limiter.limits();
  }

  /** Tells whether the peer is cut off now: its streams are reset unread. */
  boolean refuses(PeerId peer) {
    return limiter.isCutOff(peer);
  }

  /** Channel-opening requests count against the peer's limits; nothing else does. */
  Verdict check(PeerId peer, TransferMessage message) {
    if (!(message instanceof TransferRequest request) || !opensChannel(request)) {
      return Verdict.DELIVER;
    }
    return switch (limiter.admit(peer)) {
      case ADMIT -> Verdict.DELIVER;
      case REJECT -> {
        log.debug("rejecting a request of throttled peer {}", peer);
        rejection(request).ifPresent(response -> reply.accept(peer, response));
        yield Verdict.DROP;
      }
      case THROTTLE -> {
        log.debug("dropping a request of throttled peer {}", peer);
        yield Verdict.DROP;
      }
      case CUT_OFF -> {
        disconnect(peer);
        yield Verdict.CUT_OFF;
      }
    };
  }

  private static boolean opensChannel(TransferRequest request) {
    return request.type() == MessageType.NEW
        || request.type() == MessageType.RESTART
        || request.type() == MessageType.RESTART_EXISTING_CHANNEL_REQUEST;
  }

  /**
   * The answer Go's responder gives a request it rejects (Type = the request's, Acpt = false); none
   * for a restart-existing-channel request, whose answer is a Restart request of the other side.
   */
  private static Optional<TransferResponse> rejection(TransferRequest request) {
    if (request.type() == MessageType.RESTART_EXISTING_CHANNEL_REQUEST) {
      return Optional.empty();
    }
    return Optional.of(
        new TransferResponse(request.type(), request.transferId(), false, false, Optional.empty()));
  }

  private void disconnect(PeerId peer) {
    host.disconnect(peer)
        .whenComplete(
            (v, error) -> {
              if (error != null) {
                log.debug("cannot disconnect cut-off peer {}: {}", peer, error.toString());
              }
            });
  }
}
