package io.dt4j.core.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.channels.store.MvStoreChannelStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channels over the embedded default store: what was applied survives a node restart. */
class ChannelsOnDiskTest {
  @TempDir Path dataDir;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ChannelEventBus bus = new ChannelEventBus(ChannelEventBus.DEFAULT_CAPACITY);

  @AfterEach
  void stop() {
    bus.close();
    pool.shutdownNow();
  }

  private Channels channels(ChannelStore store) {
    return new Channels(store, bus, r -> {}, pool, Clock.systemUTC());
  }

  @Test
  void aPausedPullWithReceivedBlocksIsIntactAfterTheNodeRestarts() {
    ChannelRecord fresh = ChannelFixtures.pull(42, Status.REQUESTED);
    List<String> published = new CopyOnWriteArrayList<>();
    bus.subscribe((event, record) -> published.add(event.code().goName()));
    try (MvStoreChannelStore store =
        MvStoreChannelStore.open(dataDir, MvStoreChannelStore.Options.DEFAULT)) {
      Channels channels = channels(store);
      ChannelsTest.join(channels.open(fresh));
      ChannelsTest.join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.ACCEPT)));
      for (int i = 0; i < 50; i++) {
        ChannelsTest.join(
            channels.blockMoved(
                fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(i), 1000));
      }
      ChannelsTest.join(
          channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.PAUSE_INITIATOR)));
    }

    try (MvStoreChannelStore store =
        MvStoreChannelStore.open(dataDir, MvStoreChannelStore.Options.DEFAULT)) {
      assertThat(store.problems()).isEmpty();
      Channels restarted = channels(store);
      ChannelRecord record = restarted.record(fresh.channelId()).orElseThrow();
      assertThat(record.status()).isEqualTo(Status.INITIATOR_PAUSED);
      assertThat(record.received()).isEqualTo(50_000);
      assertThat(record.receivedCidsCount()).isEqualTo(50);
      assertThat(store.count(fresh.channelId(), CidSet.DATA_RECEIVED)).isEqualTo(50);

      ChannelsTest.join(
          restarted.fire(fresh.channelId(), ChannelEvent.of(EventCode.RESUME_INITIATOR)));
      boolean again =
          ChannelsTest.join(
              restarted.blockMoved(
                  fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(7), 1000));

      assertThat(again).isFalse();
      assertThat(restarted.record(fresh.channelId()).orElseThrow().received()).isEqualTo(50_000);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> published.size() >= 2 + 100 + 1 + 1);
    assertThat(published.subList(0, 4))
        .containsExactly("Open", "Accept", "DataReceivedProgress", "DataReceived");
  }
}
