package io.dt4j.core.channels;

import static io.dt4j.core.channels.ChannelsTest.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocks handed over without waiting: recorded in batches, in order with the channel's events. */
class BlockHandOverTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final InMemoryChannelStore store = new InMemoryChannelStore();
  private final ChannelEventBus bus = new ChannelEventBus(ChannelEventBus.DEFAULT_CAPACITY);
  private final Channels channels = new Channels(store, bus, r -> {}, pool, Clock.systemUTC());
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    bus.close();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void blocksHandedOverWhileTheChannelIsBusyAreRecordedTogetherBeforeTheNextEvent()
      throws InterruptedException {
    ChannelId id = ongoingChannel(1);
    CountDownLatch busy = new CountDownLatch(1);
    CompletionStage<?> holding = channels.fireAll(id, record -> waitFor(busy));

    Channels.BlockHandOver first = handOver(id, 1, 100);
    Channels.BlockHandOver again = handOver(id, 1, 100);
    Channels.BlockHandOver second = handOver(id, 2, 50);
    CompletionStage<Transition> pause =
        channels.fire(id, ChannelEvent.of(EventCode.PAUSE_INITIATOR));
    Channels.BlockHandOver afterPause = handOver(id, 3, 10);
    busy.countDown();

    assertThat(List.of(first.looksNew(), again.looksNew(), second.looksNew()))
        .containsExactly(true, false, true);
    assertThat(second.backlog()).isEqualTo(3);
    join(holding);
    assertThat(join(first.recorded())).isTrue();
    assertThat(join(again.recorded())).isFalse();
    assertThat(join(pause)).isInstanceOf(Transition.Applied.class);
    assertThat(join(afterPause.recorded())).isTrue();
    ChannelRecord stored = store.get(id).orElseThrow();
    assertThat(stored.received()).isEqualTo(160);
    assertThat(store.count(id, CidSet.DATA_RECEIVED)).isEqualTo(3);
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 8);
    assertThat(seen)
        .containsExactly(
            "DataReceivedProgress:100",
            "DataReceived:100",
            "DataReceived:100",
            "DataReceivedProgress:150",
            "DataReceived:150",
            "PauseInitiator:150",
            "DataReceivedProgress:160",
            "DataReceived:160");
  }

  @Test
  void aBlockAlreadyRecordedLooksOldAtOnce() {
    ChannelId id = ongoingChannel(2);
    assertThat(join(handOver(id, 7, 70).recorded())).isTrue();

    Channels.BlockHandOver repeated = handOver(id, 7, 70);

    assertThat(repeated.looksNew()).isFalse();
    assertThat(join(repeated.recorded())).isFalse();
    assertThat(store.get(id).orElseThrow().received()).isEqualTo(70);
  }

  private ChannelId ongoingChannel(long n) {
    ChannelRecord fresh = ChannelFixtures.pull(n, Status.REQUESTED);
    join(channels.open(fresh));
    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.ACCEPT)));
    bus.subscribe(
        (event, record) -> {
          if (event.code().goName().startsWith("Data")
              || event.code() == EventCode.PAUSE_INITIATOR) {
            seen.add(event.code().goName() + ":" + record.received());
          }
        });
    return fresh.channelId();
  }

  private Channels.BlockHandOver handOver(ChannelId id, long cid, long size) {
    return channels.handOver(id, CidSet.DATA_RECEIVED, ChannelFixtures.cid(cid), size);
  }

  private static List<ChannelEvent> waitFor(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.of();
  }
}
