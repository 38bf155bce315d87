package io.dt4j.core.channels.store;

import static io.dt4j.core.channels.store.SampleChannels.channel;
import static io.dt4j.core.channels.store.SampleChannels.cid;
import static io.dt4j.core.channels.store.SampleChannels.created;
import static io.dt4j.core.channels.store.SampleChannels.receivedBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStoreException;
import io.dt4j.core.channels.CidSet;
import io.dt4j.core.channels.StoreProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DamagedStoreFileTest {
  private static final MvStoreChannelStore.Options DEFAULT = MvStoreChannelStore.Options.DEFAULT;

  @TempDir Path dataDir;

  private Path file() {
    return dataDir.resolve(MvStoreChannelStore.FILE_NAME);
  }

  /** Writes 40 channels, each with 1..40 received CIDs, one commit per write, and closes. */
  private void fillAndClose() {
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      for (int n = 0; n < 40; n++) {
        ChannelRecord record = created(n);
        store.save(record);
        for (int i = 0; i <= n; i++) {
          record = receivedBlock(record, 100);
          store.save(record, CidSet.DATA_RECEIVED, cid(1000L * n + i));
        }
      }
    }
  }

  private List<Path> keptAside() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(f -> f.getFileName().toString().contains(".corrupt-")).toList();
    }
  }

  @Test
  void aCorruptRecordIsReportedWithItsChannelIdAndTheOthersLoad() {
    fillAndClose();
    try (MVStore raw = MVStore.open(file().toString())) {
      ChannelMaps.open(raw).records().put(channel(7).toString(), new byte[] {(byte) 0xa1, 0x61});
      ChannelMaps.open(raw).records().put("not-a-channel", ChannelRecordCodec.encode(created(1)));
      raw.commit();
    }
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems())
          .anySatisfy(
              p -> {
                assertThat(p.channelId()).contains(channel(7));
                assertThat(p.what()).contains("not DAG-CBOR");
              })
          .anySatisfy(p -> assertThat(p.what()).startsWith("not-a-channel: "))
          .hasSize(2);
      assertThat(store.all()).hasSize(39);
      assertThat(store.get(channel(7))).isEmpty();
      assertThat(store.get(channel(8)).orElseThrow().receivedCidsCount()).isEqualTo(9);
      // the channel can be written again, which replaces the corrupt value
      store.save(created(7));
    }
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.get(channel(7))).contains(created(7));
    }
  }

  @Test
  void aFileTruncatedByHalfOpensWithTheLossReportedAndTheRestConsistent() throws IOException {
    fillAndClose();
    byte[] whole = Files.readAllBytes(file());
    Files.write(file(), Arrays.copyOf(whole, whole.length / 2));

    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems())
          .extracting(StoreProblem::what)
          .anySatisfy(what -> assertThat(what).contains("truncated or damaged"))
          .anySatisfy(what -> assertThat(what).contains("kept as"));
      assertThat(store.all()).isNotEmpty().hasSizeLessThan(41);
      for (ChannelRecord record : store.all()) {
        // each write was atomic: what survived is a consistent earlier state
        assertThat(store.count(record.channelId(), CidSet.DATA_RECEIVED))
            .isEqualTo(record.receivedCidsCount());
      }
      store.save(created(100));
    }
    assertThat(keptAside())
        .singleElement()
        .satisfies(f -> assertThat(Files.size(f)).isEqualTo(whole.length / 2));
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems()).isEmpty();
      assertThat(store.get(channel(100))).isPresent();
    }
  }

  @Test
  void aGarbageFileOpensEmptyWithTheLossReportedAndIsKeptAside() throws IOException {
    byte[] garbage = new byte[100_000];
    new Random(7).nextBytes(garbage);
    Files.createDirectories(dataDir);
    Files.write(file(), garbage);
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems())
          .extracting(StoreProblem::what)
          .anySatisfy(
              what -> assertThat(what).contains("unreadable", "every channel in it is lost"));
      assertThat(store.all()).isEmpty();
      store.save(created(1));
    }
    assertThat(keptAside())
        .singleElement()
        .satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(garbage));
  }

  @Test
  void anEmptyFileOpensAsANewStoreWithAProblemNoted() throws IOException {
    Files.createDirectories(dataDir);
    Files.write(file(), new byte[0]);
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.channelId()).isEqualTo(Optional.empty());
                assertThat(p.what()).contains("empty (0 bytes)");
              });
      store.save(created(1));
    }
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems()).isEmpty();
      assertThat(store.all()).hasSize(1);
    }
  }

  @Test
  void lostCidsOfADamagedSetAreReportedPerChannel() {
    fillAndClose();
    try (MVStore raw = MVStore.open(file().toString())) {
      // a counter that disagrees with the set, as a damaged page of the set map would leave it
      ChannelMaps maps = ChannelMaps.open(raw);
      long number = maps.channelNumbers().get(channel(5).toString());
      maps.counts().put(CidKeys.prefix(number, CidSet.DATA_RECEIVED), 9L);
      raw.commit();
    }
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThat(store.problems())
          .anySatisfy(
              p -> {
                assertThat(p.channelId()).contains(channel(5));
                assertThat(p.what()).contains("DATA_RECEIVED: 6 of 9 CIDs readable");
              });
      assertThat(store.count(channel(5), CidSet.DATA_RECEIVED)).isEqualTo(6);
      assertThat(store.all()).hasSize(40);
    }
  }

  @Test
  void aStoreInUseIsRefusedAndLeftUntouched() throws IOException {
    fillAndClose();
    try (MvStoreChannelStore first = MvStoreChannelStore.open(dataDir, DEFAULT)) {
      assertThatThrownBy(() -> MvStoreChannelStore.open(dataDir, DEFAULT))
          .isInstanceOf(ChannelStoreException.class)
          .hasMessageContaining("left untouched");
      assertThat(keptAside()).isEmpty();
      assertThat(first.all()).hasSize(40);
    }
  }
}
