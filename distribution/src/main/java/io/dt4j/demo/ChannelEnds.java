package io.dt4j.demo;

import io.dt4j.daemon.ChannelSnapshot;
import java.util.Objects;

/**
 * One channel as each side saw it at its end.
 *
 * @param sender the sending node's channel
 * @param receiver the receiving node's channel
 */
record ChannelEnds(ChannelSnapshot sender, ChannelSnapshot receiver) {
  ChannelEnds {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
  }
}
