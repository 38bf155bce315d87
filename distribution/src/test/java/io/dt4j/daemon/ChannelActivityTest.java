package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelActivityTest {
  private static final PeerId SELF = Ed25519PrivKey.generate(new SecureRandom()).peerId();
  private static final PeerId OTHER = Ed25519PrivKey.generate(new SecureRandom()).peerId();
  private static final ChannelId ID = new ChannelId(SELF, OTHER, new TransferId(1));
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final ChannelActivity activity = new ChannelActivity();

  @Test
  void rateIsTheCounterGrowthOverTheWindow() {
    activity.record(pull(Status.ONGOING, 0), T0);
    activity.record(pull(Status.ONGOING, 1_000_000), T0.plusSeconds(1));
    activity.record(pull(Status.ONGOING, 2_000_000), T0.plusSeconds(2));

    assertThat(activity.rate(ID, T0.plusSeconds(2))).isCloseTo(1_000_000, within(1.0));
    assertThat(activity.updated(ID)).contains(T0.plusSeconds(2));
  }

  @Test
  void rateFallsToZeroWhenNothingMovedInTheWindow() {
    activity.record(pull(Status.ONGOING, 0), T0);
    activity.record(pull(Status.ONGOING, 1000), T0.plusSeconds(1));

    assertThat(activity.rate(ID, T0.plus(ChannelActivity.WINDOW).plusSeconds(5))).isZero();
  }

  @Test
  void ongoingChannelWithoutProgressForFiveMinutesIsStalled() {
    activity.record(pull(Status.ONGOING, 10), T0);
    activity.record(pull(Status.ONGOING, 10), T0.plusSeconds(60));
    Instant later = T0.plus(ChannelActivity.STALL_AFTER).plus(Duration.ofSeconds(1));

    assertThat(activity.stalled(pull(Status.ONGOING, 10), later)).isTrue();
    assertThat(activity.stalled(pull(Status.INITIATOR_PAUSED, 10), later)).isFalse();
    assertThat(activity.stalled(pull(Status.ONGOING, 10), T0.plusSeconds(61))).isFalse();
  }

  @Test
  void unseenChannelHasNoUpdateAndNoRate() {
    assertThat(activity.updated(ID)).isEmpty();
    assertThat(activity.rate(ID, T0)).isZero();
  }

  private static ChannelSnapshot pull(Status status, long received) {
    Cid root = Cid.parse("bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy");
    return new ChannelSnapshot(
        ID,
        SELF,
        root,
        Selectors.EXPLORE_ALL,
        OTHER,
        SELF,
        0,
        status,
        0,
        0,
        received,
        "",
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty());
  }
}
