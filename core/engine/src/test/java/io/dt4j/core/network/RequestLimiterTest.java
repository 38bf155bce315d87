package io.dt4j.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.PeerId;
import io.dt4j.core.network.RequestLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-peer limits on channel-opening requests, on a clock the test moves. */
class RequestLimiterTest {
  private static final PeerId FLOODER = DataTransferNetworkTest.peer("flooder");
  private static final PeerId OTHER = DataTransferNetworkTest.peer("other");
  private static final RequestLimits LIMITS = new RequestLimits(10, 5, 20, Duration.ofSeconds(30));

  private long nanos = 1_000_000_000L;
  private final RequestLimiter limiter = new RequestLimiter(LIMITS, () -> nanos);

  private List<Decision> admit(PeerId peer, int requests) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      decisions.add(limiter.admit(peer));
    }
    return decisions;
  }

  private void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  @Test
  void aBurstIsAdmittedThenThePeerIsThrottledWithRejections() {
    assertThat(admit(FLOODER, 7))
        .containsExactly(
            Decision.ADMIT,
            Decision.ADMIT,
            Decision.ADMIT,
            Decision.ADMIT,
            Decision.ADMIT,
            Decision.REJECT,
            Decision.REJECT);
  }

  @Test
  void aThrottledPeerIsAnsweredAFewTimesThenDroppedSilently() {
    admit(FLOODER, 5);

    List<Decision> drops = admit(FLOODER, 19);

    assertThat(drops.subList(0, RequestLimiter.ANSWERED_DROPS)).containsOnly(Decision.REJECT);
    assertThat(drops.subList(RequestLimiter.ANSWERED_DROPS, 19)).containsOnly(Decision.THROTTLE);
  }

  @Test
  void theBucketRefillsAtTheRate() {
    admit(FLOODER, 5);

    advance(Duration.ofMillis(300)); // 10/s: three requests' worth

    assertThat(admit(FLOODER, 4))
        .containsExactly(Decision.ADMIT, Decision.ADMIT, Decision.ADMIT, Decision.REJECT);
  }

  @Test
  void aPeerThatKeepsFloodingIsCutOffForAWhileThenServedAgain() {
    admit(FLOODER, 5 + 19);
    assertThat(limiter.isCutOff(FLOODER)).isFalse();

    assertThat(limiter.admit(FLOODER)).isEqualTo(Decision.CUT_OFF);
    assertThat(limiter.isCutOff(FLOODER)).isTrue();
    advance(Duration.ofSeconds(29));
    assertThat(limiter.admit(FLOODER)).isEqualTo(Decision.CUT_OFF);

    advance(Duration.ofSeconds(2));
    assertThat(limiter.isCutOff(FLOODER)).isFalse();
    assertThat(limiter.admit(FLOODER)).isEqualTo(Decision.ADMIT);
  }

  @Test
  void aPeerThatCalmsDownIsForgivenItsDrops() {
    admit(FLOODER, 5 + 19);

    advance(Duration.ofSeconds(1)); // bucket full again
    admit(FLOODER, 5 + 19);

    assertThat(limiter.isCutOff(FLOODER)).isFalse();
  }

  @Test
  void oneFlooderLeavesOtherPeersAlone() {
    admit(FLOODER, 100);

    assertThat(limiter.isCutOff(FLOODER)).isTrue();
    assertThat(admit(OTHER, 5)).containsOnly(Decision.ADMIT);
  }
}
