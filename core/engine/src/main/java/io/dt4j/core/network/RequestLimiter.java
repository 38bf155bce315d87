package io.dt4j.core.network;

import io.dt4j.api.PeerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Applies {@link RequestLimits} per peer. Thread-safe: a peer's state is an immutable value
 * replaced atomically, since several streams of one peer are read at once.
 */
final class RequestLimiter {
  /** What to do with one channel-opening request. */
  enum Decision {
    /** Deliver it. */
    ADMIT,
    /** Drop it and answer with a rejection: the peer is over its rate, and told so. */
    REJECT,
    /** Drop it silently: the peer is over its rate and was told often enough. */
    THROTTLE,
    /** Drop it, reset the stream, disconnect: the peer kept flooding and is cut off a while. */
    CUT_OFF
  }

  /**
   * Dropped requests answered with a rejection before the rest are dropped silently: a client over
   * its rate learns why its channels fail, and a flood costs this node few outgoing streams.
   */
  static final int ANSWERED_DROPS = 16;

  /** Peers tracked before idle ones are forgotten: each costs a Noise handshake to make. */
  static final int MAX_TRACKED_PEERS = 10_000;

  private final RequestLimits limits;
  private final LongSupplier nanoClock;
  private final Map<PeerId, Bucket> buckets = new ConcurrentHashMap<>();

  RequestLimiter(RequestLimits limits, LongSupplier nanoClock) {
    this.limits = limits;
    this.nanoClock = nanoClock;
  }

  RequestLimits limits() {
    return limits;
  }

  /** Takes one request of the peer and says what to do with it. */
  Decision admit(PeerId peer) {
    long now = nanoClock.getAsLong();
    Bucket after =
        buckets.compute(
            peer, (p, before) -> (before == null ? Bucket.full(limits, now) : before).take(now));
    if (buckets.size() > MAX_TRACKED_PEERS) {
      buckets.values().removeIf(bucket -> bucket.idleAt(now));
    }
    return after.decision();
  }

  /** Tells whether the peer's streams are reset now. */
  boolean isCutOff(PeerId peer) {
    Bucket bucket = buckets.get(peer);
    return bucket != null && bucket.cutOffAt(nanoClock.getAsLong());
  }

  /** One peer's state after its last request. */
  private record Bucket(
      RequestLimits limits,
      double tokens,
      long updatedNanos,
      int dropped,
      long cutOffUntilNanos,
      Decision decision) {

    static Bucket full(RequestLimits limits, long now) {
      return new Bucket(limits, limits.burst(), now, 0, now, Decision.ADMIT);
    }

    boolean cutOffAt(long now) {
      return now - cutOffUntilNanos < 0;
    }

    boolean idleAt(long now) {
      return !cutOffAt(now) && refilled(now) >= limits.burst();
    }

    private double refilled(long now) {
      double elapsed = Math.max(0, now - updatedNanos) / 1e9;
      return Math.min(limits.burst(), tokens + elapsed * limits.requestsPerSecond());
    }

    Bucket take(long now) {
      if (cutOffAt(now)) {
        return new Bucket(
            limits, tokens, updatedNanos, dropped, cutOffUntilNanos, Decision.CUT_OFF);
      }
      double available = refilled(now);
      if (available >= 1) {
        // a peer back at a full bucket has calmed down: its earlier drops are forgiven
        int stillDropped = available >= limits.burst() ? 0 : dropped;
        return new Bucket(
            limits, available - 1, now, stillDropped, cutOffUntilNanos, Decision.ADMIT);
      }
      if (dropped + 1 >= limits.cutOffAfter()) {
        long until = now + limits.cutOffFor().toNanos();
        return new Bucket(limits, 0, now, 0, until, Decision.CUT_OFF);
      }
      Decision drop = dropped < ANSWERED_DROPS ? Decision.REJECT : Decision.THROTTLE;
      return new Bucket(limits, available, now, dropped + 1, cutOffUntilNanos, drop);
    }
  }
}
