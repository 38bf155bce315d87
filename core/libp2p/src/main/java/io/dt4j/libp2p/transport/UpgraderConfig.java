package io.dt4j.libp2p.transport;

import io.dt4j.libp2p.multistream.MultistreamSelect;
import java.time.Duration;

/**
 * Timeouts of the connection upgrade.
 *
 * @param negotiationTimeout bound of each multistream negotiation (go: 10 s)
 * @param upgradeTimeout bound of the whole upgrade: security, handshake, muxer (go: 15 s)
 */
public record UpgraderConfig(Duration negotiationTimeout, Duration upgradeTimeout) {
  /** go-libp2p's bounds: 10 s per negotiation, 15 s for the whole upgrade. */
  public static final UpgraderConfig DEFAULT =
      new UpgraderConfig(MultistreamSelect.DEFAULT_TIMEOUT, Duration.ofSeconds(15));

  /** Checks the durations are positive. */
  public UpgraderConfig {
    if (negotiationTimeout.isNegative()
        || negotiationTimeout.isZero()
        || upgradeTimeout.isNegative()
        || upgradeTimeout.isZero()) {
      throw new IllegalArgumentException("upgrade timeouts must be positive");
    }
  }
}
