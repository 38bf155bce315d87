package io.dt4j.core.channels.store;

import static io.dt4j.core.channels.store.SampleChannels.channel;
import static io.dt4j.core.channels.store.SampleChannels.cid;
import static io.dt4j.core.channels.store.SampleChannels.created;
import static io.dt4j.core.channels.store.SampleChannels.receivedBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStoreException;
import io.dt4j.core.channels.CidSet;
import io.dt4j.ipld.Cid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MvStoreChannelStoreTest {
  @TempDir Path dataDir;
  private MvStoreChannelStore store;

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private MvStoreChannelStore reopen() {
    if (store != null) {
      store.close();
    }
    store = MvStoreChannelStore.open(dataDir, MvStoreChannelStore.Options.DEFAULT);
    return store;
  }

  @Test
  void aSavedRecordIsReadBackAndListed() {
    reopen();
    ChannelRecord first = created(1);
    ChannelRecord second = SampleChannels.transitioned(created(2), Status.ONGOING);
    store.save(first);
    store.save(second);
    assertThat(store.get(channel(1))).contains(first);
    assertThat(store.get(channel(3))).isEmpty();
    assertThat(store.all()).containsExactlyInAnyOrder(first, second);
    assertThat(store.problems()).isEmpty();
  }

  @Test
  void aCidSavedWithItsRecordIsCountedOnceAndIterated() {
    reopen();
    ChannelRecord record = created(1);
    store.save(record);
    for (int i = 0; i < 100; i++) {
      record = receivedBlock(record, 10);
      store.save(record, CidSet.DATA_RECEIVED, cid(i));
    }
    store.save(record, CidSet.DATA_SENT, cid(500));
    assertThat(store.count(channel(1), CidSet.DATA_RECEIVED)).isEqualTo(100);
    assertThat(store.count(channel(1), CidSet.DATA_SENT)).isEqualTo(1);
    assertThat(store.count(channel(1), CidSet.DATA_QUEUED)).isZero();
    assertThat(store.contains(channel(1), CidSet.DATA_RECEIVED, cid(42))).isTrue();
    assertThat(store.contains(channel(1), CidSet.DATA_SENT, cid(42))).isFalse();
    assertThat(store.contains(channel(2), CidSet.DATA_RECEIVED, cid(42))).isFalse();
    List<Cid> received = new ArrayList<>();
    store.forEach(channel(1), CidSet.DATA_RECEIVED, received::add);
    assertThat(received).hasSize(100).doesNotHaveDuplicates().contains(cid(0), cid(99));
    assertThat(store.get(channel(1)).orElseThrow().receivedCidsCount()).isEqualTo(100);
  }

  @Test
  void aCidAlreadyInTheSetIsRejectedAndNothingChanges() {
    reopen();
    ChannelRecord record = receivedBlock(created(1), 10);
    store.save(record, CidSet.DATA_RECEIVED, cid(1));
    ChannelRecord again = receivedBlock(record, 10);
    assertThatThrownBy(() -> store.save(again, CidSet.DATA_RECEIVED, cid(1)))
        .isInstanceOf(ChannelStoreException.class)
        .hasMessageContaining("already in DATA_RECEIVED");
    assertThat(store.get(channel(1))).contains(record);
    assertThat(store.count(channel(1), CidSet.DATA_RECEIVED)).isEqualTo(1);
    assertThat(reopen().get(channel(1))).contains(record);
  }

  @Test
  void deletingCidSetsEmptiesOnlyThatChannelsSetsAndKeepsItsRecord() {
    reopen();
    ChannelRecord one = created(1);
    ChannelRecord two = created(2);
    for (int i = 0; i < 50; i++) {
      one = receivedBlock(one, 1);
      two = receivedBlock(two, 1);
      store.save(one, CidSet.DATA_RECEIVED, cid(i));
      store.save(two, CidSet.DATA_RECEIVED, cid(i));
      store.save(one, CidSet.DATA_QUEUED, cid(i));
    }
    store.deleteCidSets(channel(1));
    assertThat(store.count(channel(1), CidSet.DATA_RECEIVED)).isZero();
    assertThat(store.count(channel(1), CidSet.DATA_QUEUED)).isZero();
    assertThat(store.contains(channel(1), CidSet.DATA_RECEIVED, cid(3))).isFalse();
    store.forEach(
        channel(1),
        CidSet.DATA_RECEIVED,
        c -> {
          throw new AssertionError("deleted set still holds " + c);
        });
    assertThat(store.count(channel(2), CidSet.DATA_RECEIVED)).isEqualTo(50);
    assertThat(store.get(channel(1))).contains(one);
    reopen();
    assertThat(store.count(channel(1), CidSet.DATA_RECEIVED)).isZero();
    assertThat(store.count(channel(2), CidSet.DATA_RECEIVED)).isEqualTo(50);
  }

  @Test
  void reopeningKeepsRecordsSetsAndCounters() {
    reopen();
    ChannelRecord record = created(9);
    for (int i = 0; i < 20; i++) {
      record = receivedBlock(record, 5);
      store.save(record, CidSet.DATA_RECEIVED, cid(i));
    }
    reopen();
    assertThat(store.problems()).isEmpty();
    assertThat(store.get(channel(9))).contains(record);
    assertThat(store.count(channel(9), CidSet.DATA_RECEIVED)).isEqualTo(20);
    assertThat(store.contains(channel(9), CidSet.DATA_RECEIVED, cid(19))).isTrue();
    // a channel created after the reopen gets a fresh number: its sets are its own
    store.save(receivedBlock(created(10), 5), CidSet.DATA_RECEIVED, cid(0));
    assertThat(store.count(channel(10), CidSet.DATA_RECEIVED)).isEqualTo(1);
    assertThat(store.count(channel(9), CidSet.DATA_RECEIVED)).isEqualTo(20);
  }

  @Test
  @Timeout(60)
  void concurrentSavesOnEightChannelsStayConsistent() throws Exception {
    reopen();
    int perChannel = 300;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < 8; c++) {
      long n = c;
      done.add(
          pool.submit(
              () -> {
                ChannelRecord record = created(n);
                store.save(record);
                for (int i = 0; i < perChannel; i++) {
                  record = receivedBlock(record, 1);
                  store.save(record, CidSet.DATA_RECEIVED, cid(i));
                }
              }));
    }
    for (Future<?> future : done) {
      future.get(50, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEveryChannelHas(perChannel);
    reopen();
    assertEveryChannelHas(perChannel);
    assertThat(store.problems()).isEmpty();
  }

  private void assertEveryChannelHas(int cids) {
    for (int c = 0; c < 8; c++) {
      assertThat(store.get(channel(c)).orElseThrow().sequence()).isEqualTo(cids);
      assertThat(store.count(channel(c), CidSet.DATA_RECEIVED)).isEqualTo(cids);
      long[] iterated = new long[1];
      store.forEach(channel(c), CidSet.DATA_RECEIVED, cid -> iterated[0]++);
      assertThat(iterated[0]).isEqualTo(cids);
    }
  }

  @Test
  void aClosedStoreRefusesCalls() {
    reopen().close();
    assertThatThrownBy(() -> store.save(created(1))).isInstanceOf(ChannelStoreException.class);
    assertThatThrownBy(() -> store.get(channel(1))).isInstanceOf(ChannelStoreException.class);
    store = null;
  }
}
