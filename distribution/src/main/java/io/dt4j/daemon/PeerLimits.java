package io.dt4j.daemon;

import io.dt4j.core.manager.ManagerOptions;
import io.dt4j.core.network.RequestLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * What one peer may ask of the node: how fast it may open channels on dt-net before it is throttled
 * and then cut off ({@link RequestLimits}), and how many channels it may keep open with this node
 * as responder. The {@code limits.*} settings.
 *
 * @param requests the per-peer rate of channel-opening requests and the cut-off
 * @param maxChannelsPerPeer channels one peer may have open with this node
 */
public record PeerLimits(RequestLimits requests, int maxChannelsPerPeer) {

  /** Checks that no part is missing. */
  public PeerLimits {
    Objects.requireNonNull(requests, "requests");
    if (maxChannelsPerPeer < 1) {
      throw new IllegalArgumentException("maxChannelsPerPeer must be at least 1");
    }
  }

  /** The engine's defaults: 20 requests/s, burst 200, cut off 1 min after 1000 drops; 256. */
  public static final PeerLimits DEFAULT =
      new PeerLimits(RequestLimits.DEFAULT, ManagerOptions.DEFAULT_MAX_CHANNELS_PER_PEER);

  /**
   * Parses the {@code limits.*} settings.
   *
   * @param settings the settings
   * @return the limits
   * @throws SettingsException if a value cannot be used
   */
  static PeerLimits of(Settings settings) {
    Duration cutOffFor = settings.duration(Setting.LIMITS_CUT_OFF_FOR);
    if (cutOffFor.isZero() || cutOffFor.isNegative()) {
      throw new SettingsException(
          "invalid "
              + Setting.LIMITS_CUT_OFF_FOR.key()
              + ": "
              + cutOffFor
              + " (give a positive duration such as 1m)");
    }
    return new PeerLimits(
        new RequestLimits(
            settings.integer(Setting.LIMITS_REQUESTS_PER_SECOND, 1, 1_000_000),
            settings.integer(Setting.LIMITS_REQUEST_BURST, 1, 1_000_000),
            settings.integer(Setting.LIMITS_CUT_OFF_AFTER, 1, 1_000_000_000),
            cutOffFor),
        settings.integer(Setting.LIMITS_MAX_CHANNELS_PER_PEER, 1, 1_000_000));
  }
}
