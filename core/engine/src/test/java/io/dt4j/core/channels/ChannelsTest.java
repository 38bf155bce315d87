package io.dt4j.core.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final InMemoryChannelStore store = new InMemoryChannelStore();
  private final ChannelEventBus bus = new ChannelEventBus(ChannelEventBus.DEFAULT_CAPACITY);
  private final List<ChannelId> cleanedUp = new CopyOnWriteArrayList<>();
  private final Channels channels = newChannels();

  private Channels newChannels() {
    return new Channels(store, bus, r -> cleanedUp.add(r.channelId()), pool, Clock.systemUTC());
  }

  @AfterEach
  void stop() throws InterruptedException {
    bus.close();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void eventsArePersistedThenPublishedInOrderWithTheStateAfterThem() {
    List<String> seen = new CopyOnWriteArrayList<>();
    bus.subscribe((event, record) -> seen.add(event.code() + "->" + record.status()));
    ChannelRecord fresh = ChannelFixtures.pull(1, Status.REQUESTED);

    join(channels.open(fresh));
    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.ACCEPT)));
    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.PAUSE_RESPONDER)));

    assertThat(store.get(fresh.channelId()).orElseThrow().status())
        .isEqualTo(Status.RESPONDER_PAUSED);
    assertThat(store.get(fresh.channelId()).orElseThrow().sequence()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
    assertThat(seen)
        .containsExactly("Open->Requested", "Accept->Ongoing", "PauseResponder->ResponderPaused");
  }

  @Test
  void eventsFiredTogetherAreDecidedOnTheCurrentRecordAndStayTogether() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    bus.subscribe((event, record) -> seen.add(event.code().goName()));
    ChannelRecord fresh = ChannelFixtures.pull(5, Status.REQUESTED);
    join(channels.open(fresh));
    CountDownLatch decided = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);

    var together =
        channels.fireAll(
            fresh.channelId(),
            record -> {
              decided.countDown();
              awaitQuietly(released);
              return record.status() == Status.REQUESTED
                  ? List.of(
                      ChannelEvent.of(EventCode.ACCEPT), ChannelEvent.of(EventCode.PAUSE_RESPONDER))
                  : List.of();
            });
    assertThat(decided.await(5, TimeUnit.SECONDS)).isTrue();
    var meanwhile = channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.PAUSE_INITIATOR));
    released.countDown();

    assertThat(join(together)).hasSize(2).allMatch(t -> t instanceof Transition.Applied);
    join(meanwhile);
    await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
    assertThat(seen).containsExactly("Open", "Accept", "PauseResponder", "PauseInitiator");
    assertThat(join(channels.fireAll(fresh.channelId(), record -> List.of()))).isEmpty();
  }

  @Test
  void openStampsTheCreationTimeFromTheClockOnceAndLaterEventsKeepIt() {
    Instant opened = Instant.parse("2026-05-06T07:08:09.123456789Z");
    Channels atOpening =
        new Channels(store, bus, r -> {}, pool, Clock.fixed(opened, ZoneOffset.UTC));
    ChannelRecord fresh = ChannelFixtures.pull(3, Status.REQUESTED);
    assertThat(fresh.created()).isEmpty();

    join(atOpening.open(fresh));
    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.ACCEPT)));

    Instant inMillis = Instant.parse("2026-05-06T07:08:09.123Z");
    assertThat(store.get(fresh.channelId()).orElseThrow().created()).contains(inMillis);
    assertThat(channels.record(fresh.channelId()).orElseThrow().created()).contains(inMillis);
  }

  @Test
  void cancelCleansUpThenEndsCancelledAndForgetsTheCidSets() {
    ChannelRecord fresh = ChannelFixtures.pull(2, Status.REQUESTED);
    join(channels.open(fresh));
    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.ACCEPT)));
    join(channels.blockMoved(fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(1), 100));

    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.CANCEL)));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> channels.record(fresh.channelId()).orElseThrow().status() == Status.CANCELLED);
    assertThat(cleanedUp).containsExactly(fresh.channelId());
    assertThat(store.count(fresh.channelId(), CidSet.DATA_RECEIVED)).isZero();
    assertThat(join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.CANCEL))))
        .isInstanceOf(Transition.Unchanged.class);
  }

  @Test
  void aBlockCountsOncePerDirectionAlsoAfterANodeRestart() {
    ChannelRecord fresh = ChannelFixtures.pull(3, Status.REQUESTED);
    join(channels.open(fresh));
    join(channels.fire(fresh.channelId(), ChannelEvent.of(EventCode.ACCEPT)));

    assertThat(
            join(
                channels.blockMoved(
                    fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(1), 100)))
        .isTrue();
    assertThat(
            join(
                channels.blockMoved(
                    fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(1), 100)))
        .isFalse();
    Channels afterRestart = newChannels();
    assertThat(
            join(
                afterRestart.blockMoved(
                    fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(1), 100)))
        .isFalse();
    assertThat(
            join(
                afterRestart.blockMoved(
                    fresh.channelId(), CidSet.DATA_RECEIVED, ChannelFixtures.cid(2), 50)))
        .isTrue();

    ChannelRecord record = afterRestart.record(fresh.channelId()).orElseThrow();
    assertThat(record.received()).isEqualTo(150);
    assertThat(record.receivedCidsCount()).isEqualTo(2);
  }

  @Test
  void unknownChannelFailsWithChannelNotFound() {
    ChannelId unknown =
        new ChannelId(ChannelFixtures.ALICE, ChannelFixtures.BOB, new TransferId(404));

    assertThatThrownBy(() -> join(channels.fire(unknown, ChannelEvent.of(EventCode.ACCEPT))))
        .hasCauseInstanceOf(ChannelNotFoundException.class)
        .hasMessageContaining("-404");
  }

  @Test
  void aSlowOrThrowingListenerStallsNeitherChannelsNorOtherListeners() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    bus.subscribe((event, record) -> awaitQuietly(release));
    bus.subscribe(
        (event, record) -> {
          throw new IllegalStateException("listener bug");
        });
    List<Event> fast = new CopyOnWriteArrayList<>();
    bus.subscribe((event, record) -> fast.add(event));
    ChannelRecord fresh = ChannelFixtures.pull(4, Status.REQUESTED);

    join(channels.open(fresh));
    for (int i = 0; i < 100; i++) {
      join(
          channels.fire(
              fresh.channelId(), new ChannelEvent.Failure(EventCode.DISCONNECTED, "x" + i)));
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> fast.size() == 101);
    assertThat(fast.get(100).message()).isEqualTo("x99");
    release.countDown();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
