package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link ChannelStoreCrashIT}: opens the store in a directory and writes a
 * burst of transitions on many channels until it is killed (or a time limit passes). After each
 * write returns it prints and flushes one acknowledgement line: {@code <channelId> <sequence>
 * <receivedCidCountAfter>}.
 *
 * <p>Arguments: data directory, number of channels (a multiple of 4), random seed.
 */
public final class CrashBurstMain {
  private static final long MAX_RUN_MILLIS = 30_000;
  private static final int WRITERS = 4;

  private CrashBurstMain() {}

  /**
   * Runs the burst.
   *
   * @param args data directory, number of channels, seed
   * @throws InterruptedException if interrupted while waiting for the writers
   */
  public static void main(String[] args) throws InterruptedException {
    Path dataDir = Path.of(args[0]);
    int channels = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    try (MvStoreChannelStore store =
        MvStoreChannelStore.open(dataDir, MvStoreChannelStore.Options.DEFAULT)) {
      // each writer owns the channels n with n % WRITERS == its index, as the engine's per-channel
      // executors do; several writers exercise the store's group commit
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(new Thread(() -> burst(store, channels, writer, new Random(seed + writer))));
      }
      writers.forEach(Thread::start);
      for (Thread thread : writers) {
        thread.join();
      }
    }
  }

  private static void burst(MvStoreChannelStore store, int channels, int writer, Random random) {
    long deadline = System.currentTimeMillis() + MAX_RUN_MILLIS;
    ChannelRecord[] records = new ChannelRecord[channels];
    long nextCid = (long) writer << 40;
    while (System.currentTimeMillis() < deadline) {
      int n = random.nextInt(channels / WRITERS) * WRITERS + writer;
      ChannelRecord record = records[n];
      if (record == null) {
        record = SampleChannels.created(n);
        store.save(record);
      } else if (random.nextInt(4) == 0) {
        record = SampleChannels.transitioned(record, pauseOrResume(record.status()));
        store.save(record);
      } else {
        record = SampleChannels.receivedBlock(record, 1 + random.nextInt(1 << 20));
        store.save(record, CidSet.DATA_RECEIVED, SampleChannels.cid(nextCid++));
      }
      records[n] = record;
      acknowledge(record.channelId(), record.sequence(), record.receivedCidsCount());
    }
  }

  private static Status pauseOrResume(Status status) {
    return status == Status.ONGOING ? Status.INITIATOR_PAUSED : Status.ONGOING;
  }

  private static void acknowledge(ChannelId id, long sequence, long cids) {
    PrintStream out = System.out;
    synchronized (out) {
      out.print(id + " " + sequence + " " + cids + "\n");
      out.flush();
    }
  }
}
