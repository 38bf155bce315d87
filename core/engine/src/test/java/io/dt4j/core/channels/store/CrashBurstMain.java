package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

/**
 * The child process of {@link ChannelStoreCrashIT}: opens the store in a directory and writes a
 * burst of transitions on many channels until it is killed (or a time limit passes). After each
 * write returns it prints and flushes one acknowledgement line: {@code <channelId> <sequence>
 * <receivedCidCountAfter>}.
 *
 * <p>Arguments: data directory, number of channels, random seed.
 */
public final class CrashBurstMain {
  private static final long MAX_RUN_MILLIS = 30_000;

  private CrashBurstMain() {}

  /**
   * Runs the burst.
   *
   * @param args data directory, number of channels, seed
   */
  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    int channels = Integer.parseInt(args[1]);
    Random random = new Random(Long.parseLong(args[2]));
    PrintStream out = System.out;
    long deadline = System.currentTimeMillis() + MAX_RUN_MILLIS;
    try (MvStoreChannelStore store =
        MvStoreChannelStore.open(dataDir, MvStoreChannelStore.Options.DEFAULT)) {
      ChannelRecord[] records = new ChannelRecord[channels];
      long nextCid = 0;
      while (System.currentTimeMillis() < deadline) {
        int n = random.nextInt(channels);
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
        acknowledge(out, record.channelId(), record.sequence(), record.receivedCidsCount());
      }
    }
  }

  private static Status pauseOrResume(Status status) {
    return status == Status.ONGOING ? Status.INITIATOR_PAUSED : Status.ONGOING;
  }

  private static void acknowledge(PrintStream out, ChannelId id, long sequence, long cids) {
    out.print(id + " " + sequence + " " + cids + "\n");
    out.flush();
  }
}
