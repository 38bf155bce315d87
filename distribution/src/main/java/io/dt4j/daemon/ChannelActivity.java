package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each channel last changed and how fast it moves, learned from its events: the rate is the
 * growth of the byte counter over the last {@link #WINDOW} (counters, not per-event bytes, so it
 * does not drop to zero between events), and a transferring channel whose counter has not grown for
 * {@link #STALL_AFTER} is stalled (Boost's 5 minutes). Written by the one event thread, read by
 * any; each channel's track is an immutable value replaced atomically.
 */
public final class ChannelActivity {
  /** How far back the rate looks. */
  public static final Duration WINDOW = Duration.ofSeconds(10);

  /** How long a transferring channel may go without progress before it counts as stalled. */
  public static final Duration STALL_AFTER = Duration.ofMinutes(5);

  private static final int MAX_SAMPLES = 64;

  private record Sample(Instant at, long bytes) {}

  private record Track(List<Sample> samples, Instant updated, Instant progressed) {}

  private final Map<ChannelId, Track> tracks = new ConcurrentHashMap<>();

  /**
   * Notes a channel's state after an event.
   *
   * @param channel the channel
   * @param at when the event was applied
   */
  public void record(ChannelSnapshot channel, Instant at) {
    long bytes = channel.transferred();
    tracks.compute(
        channel.channelId(),
        (id, old) -> {
          List<Sample> samples = new ArrayList<>(old == null ? List.of() : old.samples());
          boolean grew = samples.isEmpty() || samples.get(samples.size() - 1).bytes() != bytes;
          samples.add(new Sample(at, bytes));
          Instant horizon = at.minus(WINDOW);
          while (samples.size() > MAX_SAMPLES
              || (samples.size() > 1 && samples.get(0).at().isBefore(horizon))) {
            samples.remove(0);
          }
          Instant progressed = grew || old == null ? at : old.progressed();
          return new Track(List.copyOf(samples), at, progressed);
        });
  }

  /** Returns when the channel's last event was applied, if one was seen since start. */
  public Optional<Instant> updated(ChannelId channelId) {
    Track track = tracks.get(channelId);
    return track == null ? Optional.empty() : Optional.of(track.updated());
  }

  /**
   * Returns the channel's rate in bytes per second over the window before {@code now}; 0 when no
   * bytes moved in it.
   */
  public double rate(ChannelId channelId, Instant now) {
    Track track = tracks.get(channelId);
    if (track == null || track.samples().size() < 2) {
      return 0;
    }
    Sample first = track.samples().get(0);
    Sample last = track.samples().get(track.samples().size() - 1);
    if (last.at().isBefore(now.minus(WINDOW))) {
      return 0;
    }
    double seconds = Duration.between(first.at(), now).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : Math.max(0, last.bytes() - first.bytes()) / seconds;
  }

  /** Returns whether a transferring channel has made no progress for {@link #STALL_AFTER}. */
  public boolean stalled(ChannelSnapshot channel, Instant now) {
    Track track = tracks.get(channel.channelId());
    return track != null
        && channel.status() == Status.ONGOING
        && track.progressed().isBefore(now.minus(STALL_AFTER));
  }
}
