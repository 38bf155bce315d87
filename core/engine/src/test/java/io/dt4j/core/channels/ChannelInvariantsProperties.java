package io.dt4j.core.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.ipld.Cid;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/** Random event sequences, with node restarts, never break the channel invariants. */
class ChannelInvariantsProperties {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  /** One step of a scenario. */
  sealed interface Step permits Fire, Block, RestartNode {}

  record Fire(ChannelEvent event) implements Step {}

  record Block(CidSet set, int cid, long size) implements Step {}

  record RestartNode() implements Step {}

  @AfterProperty
  void stopPool() {
    pool.shutdownNow();
  }

  @Property(tries = 300)
  void countersGrowOncePerCidAndTerminalStatusesAreNeverLeft(
      @ForAll("scenarios") List<Step> steps) {
    InMemoryChannelStore store = new InMemoryChannelStore();
    ChannelEventBus bus = new ChannelEventBus(16);
    Channels channels = channels(store, bus);
    ChannelRecord fresh = ChannelFixtures.pull(1, Status.REQUESTED);
    ChannelId id = fresh.channelId();
    ChannelsTest.join(channels.open(fresh));
    Set<Cid> countedReceived = new HashSet<>();

    ChannelRecord before = channels.record(id).orElseThrow();
    for (Step step : steps) {
      if (step instanceof RestartNode) {
        channels = channels(store, bus);
      } else if (step instanceof Fire fire) {
        ChannelsTest.join(channels.fire(id, fire.event()));
      } else if (step instanceof Block block) {
        Cid cid = ChannelFixtures.cid(block.cid());
        boolean isNew = ChannelsTest.join(channels.blockMoved(id, block.set(), cid, block.size()));
        if (block.set() == CidSet.DATA_RECEIVED && isNew) {
          assertThat(countedReceived.add(cid)).as("a CID counted twice: %s", cid).isTrue();
        }
      }
      ChannelsTest.join(channels.fire(id, ChannelEvent.of(EventCode.REQUEST_TIMED_OUT)));
      ChannelRecord after = channels.record(id).orElseThrow();
      assertInvariants(before, after, store, countedReceived);
      before = after;
    }
    bus.close();
  }

  private static void assertInvariants(
      ChannelRecord before, ChannelRecord after, ChannelStore store, Set<Cid> countedReceived) {
    assertThat(after.queued()).isGreaterThanOrEqualTo(before.queued());
    assertThat(after.sent()).isGreaterThanOrEqualTo(before.sent());
    assertThat(after.received()).isGreaterThanOrEqualTo(before.received());
    assertThat(after.sequence()).isGreaterThanOrEqualTo(before.sequence());
    assertThat(after.created())
        .as("creation time, set once at open")
        .isPresent()
        .isEqualTo(before.created());
    if (Status.TERMINAL.contains(before.status())) {
      assertThat(after.status()).isEqualTo(before.status());
      assertThat(after.sequence()).isEqualTo(before.sequence());
    }
    assertThat(after.receivedCidsCount()).isEqualTo(countedReceived.size());
    if (!Status.TERMINAL.contains(after.status())) {
      assertThat(store.count(after.channelId(), CidSet.DATA_RECEIVED))
          .isEqualTo(after.receivedCidsCount());
    }
  }

  private Channels channels(ChannelStore store, ChannelEventBus bus) {
    return new Channels(store, bus, r -> {}, pool, Clock.systemUTC());
  }

  @Provide
  Arbitrary<List<Step>> scenarios() {
    Arbitrary<Step> fire =
        Arbitraries.of(EventCode.values())
            .map(ChannelInvariantsProperties::eventFor)
            .map(Fire::new);
    Arbitrary<Step> block =
        Combinators.combine(
                Arbitraries.of(CidSet.values()),
                Arbitraries.integers().between(0, 7),
                Arbitraries.longs().between(0, 1 << 20))
            .as(Block::new);
    Arbitrary<Step> restart = Arbitraries.just(new RestartNode());
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, fire),
            net.jqwik.api.Tuple.of(5, block),
            net.jqwik.api.Tuple.of(1, restart))
        .list()
        .ofMaxSize(60);
  }

  private static ChannelEvent eventFor(EventCode code) {
    if (ChannelEvent.PROGRESS.contains(code)) {
      // progress events come only from blocks, through Channels.blockMoved
      return ChannelEvent.of(EventCode.DATA_RECEIVED);
    }
    if (ChannelEvent.FAILURES.contains(code)) {
      return new ChannelEvent.Failure(code, code.goName());
    }
    if (ChannelEvent.VOUCHERS.contains(code)) {
      return new ChannelEvent.VoucherAdded(
          code, new EncodedVoucher(ChannelFixtures.VOUCHER.type(), new byte[] {2}));
    }
    return ChannelEvent.of(code);
  }
}
