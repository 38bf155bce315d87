package io.dt4j.demo;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.Subscription;
import io.dt4j.daemon.ChannelSnapshot;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.TransferEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows one channel on both of its nodes until each side reaches a terminal status. Subscribe
 * before the channel opens (so no event is missed); the events of both nodes are queued and read by
 * the thread that waits, so progress is reported on that thread.
 */
final class TransferWatch implements AutoCloseable {
  private final BlockingQueue<TransferEvent> events = new LinkedBlockingQueue<>();
  private final List<Subscription> subscriptions = new ArrayList<>();

  /**
   * @param nodes the nodes at both ends
   */
  TransferWatch(Dt4jNode... nodes) {
    for (Dt4jNode node : nodes) {
      subscriptions.add(node.transfers().subscribe(events::add));
    }
  }

  /** Told of each event of the watched channel, on the waiting thread. */
  @FunctionalInterface
  interface Update {
    /**
     * @param event what happened on one side, and that side's channel right after it
     * @throws InterruptedException if interrupted while acting on it
     */
    void accept(TransferEvent event) throws InterruptedException;
  }

  /**
   * Waits for both ends of a channel: until both completed, or one ends Failed or Cancelled.
   *
   * @param id the channel
   * @param stall how long to wait for the next event before giving up
   * @param update told of each event of the channel, on this thread
   * @return both sides at their end
   * @throws DemoFailedException if a side did not complete, or nothing happened for {@code stall}
   * @throws InterruptedException if interrupted while waiting
   */
  ChannelEnds await(ChannelId id, Duration stall, Update update) throws InterruptedException {
    Map<PeerId, ChannelSnapshot> last = new HashMap<>();
    while (!bothCompleted(last)) {
      TransferEvent event = events.poll(stall.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new DemoFailedException(
            DemoFailedException.Reason.STALLED,
            "channel " + id + " made no progress for " + stall.toSeconds() + " s" + states(last));
      }
      ChannelSnapshot channel = event.channel();
      if (!channel.channelId().equals(id)) {
        continue;
      }
      last.put(channel.selfPeer(), channel);
      update.accept(event);
      if (Status.TERMINAL.contains(channel.status()) && channel.status() != Status.COMPLETED) {
        throw new DemoFailedException(
            DemoFailedException.Reason.TRANSFER_FAILED,
            "channel "
                + id
                + " ended "
                + channel.status()
                + (channel.isSender() ? " on the sender" : " on the receiver")
                + (channel.message().isEmpty() ? "" : ": " + channel.message()));
      }
    }
    ChannelSnapshot sending =
        last.values().stream().filter(ChannelSnapshot::isSender).findFirst().orElseThrow();
    ChannelSnapshot receiving =
        last.values().stream().filter(c -> !c.isSender()).findFirst().orElseThrow();
    return new ChannelEnds(sending, receiving);
  }

  private static String states(Map<PeerId, ChannelSnapshot> last) {
    StringBuilder text = new StringBuilder();
    for (ChannelSnapshot c : last.values()) {
      text.append(c.isSender() ? "; sender " : "; receiver ")
          .append(c.status())
          .append(c.isSender() ? ", sent " + c.sent() : ", received " + c.received());
    }
    return text.toString();
  }

  private static boolean bothCompleted(Map<PeerId, ChannelSnapshot> last) {
    return last.size() == 2 && last.values().stream().allMatch(c -> c.status() == Status.COMPLETED);
  }

  /** Ends the subscriptions. */
  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
  }
}
