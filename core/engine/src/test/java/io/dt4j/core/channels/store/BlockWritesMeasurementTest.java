package io.dt4j.core.channels.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what a pull costs the channel store per block (not a timing assertion: it prints). Each
 * block a graphsync transfer moves is one record update plus one CID in a set, written and
 * committed before the next block of that channel goes on; a disk flush inside that write stalls
 * the transfer. The number of flushes comes from JFR's {@code jdk.FileForce} events.
 */
class BlockWritesMeasurementTest {
  private static final int BLOCKS = 4_000;

  @TempDir Path dataDir;

  @Test
  void blockWritesWithoutFsyncNeverForceTheFile() throws Exception {
    Path jfr = dataDir.resolve("writes.jfr");
    long nanos;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
      recording.start();
      nanos = writeBlocks(MvStoreChannelStore.Options.DEFAULT);
      recording.stop();
      recording.dump(jfr);
    }
    long forces = 0;
    double forcedMillis = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (event.getString("path").endsWith(MvStoreChannelStore.FILE_NAME)) {
        forces++;
        forcedMillis += event.getDuration().toNanos() / 1e6;
      }
    }
    System.out.printf(
        "%d block writes (record + CID), fsync=false: %.3f ms/write, %d file forces (%.0f ms)%n",
        BLOCKS, nanos / 1e6 / BLOCKS, forces, forcedMillis);
    // one force at most: the one when the store closes
    assertThat(forces).isLessThanOrEqualTo(1);
  }

  private long writeBlocks(MvStoreChannelStore.Options options) {
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dataDir.resolve("store"), options)) {
      ChannelRecord record = SampleChannels.created(1);
      store.save(record);
      long start = System.nanoTime();
      for (int i = 0; i < BLOCKS; i++) {
        record = SampleChannels.receivedBlock(record, 1 << 20);
        store.save(record, CidSet.DATA_RECEIVED, SampleChannels.cid(i));
      }
      long nanos = System.nanoTime() - start;
      assertThat(store.count(record.channelId(), CidSet.DATA_RECEIVED)).isEqualTo(BLOCKS);
      return nanos;
    }
  }
}
