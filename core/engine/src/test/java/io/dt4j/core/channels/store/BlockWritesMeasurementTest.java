package io.dt4j.core.channels.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
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
    Forces forces = recordForces(() -> writeBlocks(MvStoreChannelStore.Options.DEFAULT, BLOCKS));
    // at most one: when the store closes
    assertThat(forces.count()).isLessThanOrEqualTo(1);
  }

  @Test
  void blockWritesWithFsyncForceTheFileEachTime() throws Exception {
    int blocks = 50;
    Forces forces = recordForces(() -> writeBlocks(new MvStoreChannelStore.Options(true), blocks));
    assertThat(forces.count()).isGreaterThanOrEqualTo(blocks);
  }

  private record Forces(long count, double millis) {}

  /** Runs the writes under JFR and prints their cost and the store file's forces. */
  private Forces recordForces(Supplier<long[]> writes) throws Exception {
    Path jfr = Files.createTempFile(dataDir, "writes", ".jfr");
    long[] nanos;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.FileForce").withThreshold(Duration.ZERO);
      recording.start();
      nanos = writes.get();
      recording.stop();
      recording.dump(jfr);
    }
    long count = 0;
    double millis = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (event.getString("path").endsWith(MvStoreChannelStore.FILE_NAME)) {
        count++;
        millis += event.getDuration().toNanos() / 1e6;
      }
    }
    System.out.printf(
        "%d block writes (record + CID): %.3f ms/write, slowest %.1f ms,"
            + " %d file forces (%.0f ms)%n",
        nanos[2], nanos[0] / 1e6 / nanos[2], nanos[1] / 1e6, count, millis);
    return new Forces(count, millis);
  }

  /** Returns the total and the slowest write's nanoseconds, and the number of writes. */
  private long[] writeBlocks(MvStoreChannelStore.Options options, int blocks) {
    Path dir = dataDir.resolve("store-" + options.fsync());
    try (MvStoreChannelStore store = MvStoreChannelStore.open(dir, options)) {
      ChannelRecord record = SampleChannels.created(1);
      store.save(record);
      long total = 0;
      long slowest = 0;
      for (int i = 0; i < blocks; i++) {
        record = SampleChannels.receivedBlock(record, 1 << 20);
        long start = System.nanoTime();
        store.save(record, CidSet.DATA_RECEIVED, SampleChannels.cid(i));
        long took = System.nanoTime() - start;
        total += took;
        slowest = Math.max(slowest, took);
      }
      assertThat(store.count(record.channelId(), CidSet.DATA_RECEIVED)).isEqualTo(blocks);
      return new long[] {total, slowest, blocks};
    }
  }
}
