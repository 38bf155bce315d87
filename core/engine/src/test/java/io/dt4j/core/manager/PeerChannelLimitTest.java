package io.dt4j.core.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.core.channels.store.SampleChannels;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-peer bound on open channels, with the channels' liveness played by a set. */
class PeerChannelLimitTest {
  private static final PeerId SELF = SampleChannels.peer("self");
  private static final PeerId FLOODER = SampleChannels.peer("flooder");
  private static final PeerId CLIENT = SampleChannels.peer("client");

  private final Set<ChannelId> ended = new HashSet<>();
  private final PeerChannelLimit limit = new PeerChannelLimit(2, id -> !ended.contains(id));

  private static ChannelId channel(PeerId from, long id) {
    return new ChannelId(from, SELF, new TransferId(id));
  }

  @Test
  void aPeerGetsItsPlacesAndNoMoreWhileOthersGetTheirs() {
    assertThat(limit.tryReserve(channel(FLOODER, 1))).isTrue();
    assertThat(limit.tryReserve(channel(FLOODER, 2))).isTrue();

    assertThat(limit.tryReserve(channel(FLOODER, 3))).isFalse();
    assertThat(limit.tryReserve(channel(FLOODER, 2))).as("a held place").isTrue();
    assertThat(limit.tryReserve(channel(CLIENT, 1))).isTrue();
  }

  @Test
  void aReleasedPlaceCanBeTakenAgain() {
    limit.tryReserve(channel(FLOODER, 1));
    limit.tryReserve(channel(FLOODER, 2));

    limit.release(channel(FLOODER, 1));

    assertThat(limit.tryReserve(channel(FLOODER, 3))).isTrue();
  }

  @Test
  void aChannelThatEndedUnnoticedFreesItsPlaceWhenThePeerIsFull() {
    limit.tryReserve(channel(FLOODER, 1));
    limit.tryReserve(channel(FLOODER, 2));

    ended.add(channel(FLOODER, 1)); // its terminal event was never observed

    assertThat(limit.tryReserve(channel(FLOODER, 3))).isTrue();
    assertThat(limit.tryReserve(channel(FLOODER, 4))).isFalse();
  }
}
