package io.dt4j.libp2p.transport;

import io.dt4j.libp2p.multistream.MultistreamException;
import io.dt4j.libp2p.noise.NoiseException;
import io.dt4j.libp2p.transport.UpgradeException.Stage;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one connection's upgrade: the result, the overall timer, and the failure path that
 * logs the reason and closes the connection. Used on the channel's event loop only.
 */
final class ConnectionUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(Upgrader.class);

  private final Channel channel;
  private final boolean initiator;
  private final UpgraderConfig config;
  private final Promise<SecuredConnection> result;
  private ScheduledFuture<?> timer;
  private SecuredConnection connection;

  ConnectionUpgrade(
      Channel channel,
      boolean initiator,
      UpgraderConfig config,
      Promise<SecuredConnection> result) {
    this.channel = channel;
    this.initiator = initiator;
    this.config = config;
    this.result = result;
  }

  Channel channel() {
    return channel;
  }

  boolean initiator() {
    return initiator;
  }

  void begin() {
    timer =
        channel
            .eventLoop()
            .schedule(
                () ->
                    fail(
                        Stage.TIMEOUT,
                        "upgrade did not finish within "
                            + config.upgradeTimeout().toMillis()
                            + " ms",
                        null),
                config.upgradeTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
    // each stage's handler reports the connection closing (with a truncated frame, if any), so
    // no closeFuture listener here: it would run first and hide the more precise reason
    if (!channel.isActive()) {
      fail(Stage.CONNECTION_CLOSED, "connection closed before the upgrade started", null);
    }
  }

  /** Fails the upgrade if the stage's future fails. */
  void failOn(Future<?> stage, Stage name) {
    stage.addListener(
        f -> {
          if (!f.isSuccess()) {
            Throwable cause = f.cause();
            fail(
                closedByRemote(cause) ? Stage.CONNECTION_CLOSED : name,
                name.name().toLowerCase().replace('_', ' ') + " failed: " + cause.getMessage(),
                cause);
          }
        });
  }

  private static boolean closedByRemote(Throwable cause) {
    return cause instanceof MultistreamException m
            && m.reason() == MultistreamException.Reason.CONNECTION_CLOSED
        || cause instanceof NoiseException n
            && n.reason() == NoiseException.Reason.CONNECTION_CLOSED;
  }

  void ready(SecuredConnection connection) {
    this.connection = connection;
  }

  void succeedIfReady() {
    if (connection != null && result.trySuccess(connection)) {
      timer.cancel(false);
      LOG.debug("upgraded {}", connection);
    }
  }

  private void fail(Stage stage, String message, Throwable cause) {
    if (result.isDone()) {
      return;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    String reason = describe() + ": " + message;
    if (result.tryFailure(new UpgradeException(stage, reason, cause))) {
      if (stage == Stage.CONNECTION_CLOSED) {
        LOG.info("{}", reason);
      } else {
        LOG.warn("closing {}", reason);
      }
      channel.close();
    }
  }

  private String describe() {
    return (initiator ? "outbound connection to " : "inbound connection from ")
        + channel.remoteAddress();
  }
}
