package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCountsTest {
  private final WireCounts counts = new WireCounts();
  private final ChannelId channel = channel(1);

  @Test
  void aChannelWithoutBlocksHasNoCounts() {
    assertThat(counts.of(channel)).isEmpty();
  }

  @Test
  void aBlockArrivingAgainForTheSameChannelIsADuplicate() {
    counts.received(channel, cid("a"), 100);
    counts.received(channel, cid("b"), 50);
    counts.received(channel, cid("a"), 100);

    assertThat(counts.of(channel))
        .isEqualTo(
            Map.of(WireCounts.BLOCKS, 3L, WireCounts.BYTES, 250L, WireCounts.DUPLICATES, 1L));
  }

  @Test
  void theSameBlockForAnotherChannelIsNoDuplicate() {
    counts.received(channel, cid("a"), 100);
    counts.received(channel(2), cid("a"), 100);

    assertThat(counts.of(channel).get(WireCounts.DUPLICATES)).isZero();
    assertThat(counts.of(channel(2)).get(WireCounts.DUPLICATES)).isZero();
  }

  @Test
  void countsOutliveTheChannelsCleanup() {
    counts.received(channel, cid("a"), 100);

    counts.seal(channel);

    assertThat(counts.of(channel).get(WireCounts.BLOCKS)).isEqualTo(1L);
  }

  private static ChannelId channel(long id) {
    PeerId a = PeerId.fromBytes(Multihash.sha256(new byte[] {1}).toBytes());
    PeerId b = PeerId.fromBytes(Multihash.sha256(new byte[] {2}).toBytes());
    return new ChannelId(a, b, new TransferId(id));
  }

  private static Cid cid(String data) {
    return Cid.v1(Multicodec.RAW, Multihash.sha256(data.getBytes(StandardCharsets.UTF_8)));
  }
}
