package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.graphsync.engine.DiscardingBlockstore;
import io.dt4j.graphsync.engine.Measure;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.libp2p.protocols.Bench;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The throughput of a large pull and a large push through two data-transfer managers over the
 * graphsync transport, against a pull of the same size by the graphsync engine alone and against
 * the raw secured stream ({@code /bench/sink}) between the same two nodes. Printed for the record,
 * with CPU seconds and allocation per GiB (steadier than MB/s on a shared machine); runs only when
 * asked: {@code -Ddt4j.transport.pull.mib=256} (and {@code -Ddt4j.transport.rounds=2}, the last
 * round reported).
 */
class TransportThroughputIT {

  @Test
  @EnabledIfSystemProperty(named = "dt4j.transport.pull.mib", matches = "\\d+")
  void pullThroughTheManagersAgainstTheEngineAlone() throws Exception {
    long mib = Long.getLong("dt4j.transport.pull.mib");
    GraphsyncOptions options =
        GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult warm = Dags.importRandom(source, 8L << 20);
    // rounds, each with its own DAGs (the recipient keeps no bytes); the last is reported
    int rounds = Integer.getInteger("dt4j.transport.rounds", 2);
    ImportResult[][] dags = new ImportResult[rounds][3];
    for (int round = 0; round < rounds; round++) {
      for (int kind = 0; kind < 3; kind++) {
        dags[round][kind] = Dags.importRandom(source, (mib << 20) + 3 * round + kind);
      }
    }
    DiscardingBlockstore sink = new DiscardingBlockstore();
    try (TransferNode sender = new TransferNode("sender", source, options);
        TransferNode recipient = new TransferNode("recipient", sink, options)) {
      sender.knows(recipient);
      Bench.install(recipient.host);
      recipient.awaitStatus(recipient.pull(sender, warm.root()), Status.COMPLETED);

      Measure raw = null;
      Measure engine = null;
      Measure managers = null;
      Measure push = null;
      for (ImportResult[] round : dags) {
        raw = rawStream(sender, recipient, mib << 20);
        engine = enginePull(recipient, sender, round[0]);
        managers =
            managerTransfer(recipient, round[1], () -> recipient.pull(sender, round[1].root()));
        push = managerTransfer(recipient, round[2], () -> sender.push(recipient, round[2].root()));
      }
      System.out.printf(
          "%d MiB in one JVM (JDK %s, %d cores, load %.2f): raw secured stream %s;"
              + " graphsync engine alone, pull %s; through two managers and the graphsync"
              + " transport, pull %s, push %s; pull/raw = %.2f (Java-thread CPU-s/GiB raw/pull"
              + " %.2f), push/raw = %.2f (raw/push %.2f), managers/engine = %.2f; %s%n",
          mib,
          Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          raw,
          engine,
          managers,
          push,
          managers.megabytesPerSecond() / raw.megabytesPerSecond(),
          raw.threadCpuSecondsPerGib() / managers.threadCpuSecondsPerGib(),
          push.megabytesPerSecond() / raw.megabytesPerSecond(),
          raw.threadCpuSecondsPerGib() / push.threadCpuSecondsPerGib(),
          managers.megabytesPerSecond() / engine.megabytesPerSecond(),
          peakResidentSet());
    }
  }

  /** The process's peak resident set (Linux; the source DAGs of all rounds are in the heap). */
  private static String peakResidentSet() throws java.io.IOException {
    java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
    if (!java.nio.file.Files.isReadable(status)) {
      return "peak RSS unknown";
    }
    try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(status)) {
      return lines
          .filter(line -> line.startsWith("VmHWM:"))
          .map(line -> "peak RSS " + line.substring(6).trim())
          .findFirst()
          .orElse("peak RSS unknown");
    }
  }

  private static Measure rawStream(TransferNode from, TransferNode to, long bytes)
      throws Exception {
    Measure raw = Measure.start();
    long counted =
        Bench.send(from.host, to.host.peerId(), bytes)
            .toCompletableFuture()
            .get(600, TimeUnit.SECONDS);
    raw.stop(counted);
    assertThat(counted).isEqualTo(bytes);
    return raw;
  }

  private static Measure enginePull(TransferNode recipient, TransferNode sender, ImportResult dag)
      throws Exception {
    Measure engine = Measure.start();
    RequestResult alone =
        recipient
            .transport
            .graphsync()
            .request(
                sender.host.peerId(),
                dag.root(),
                Selectors.EXPLORE_ALL,
                Extensions.none(),
                RequestListener.NONE)
            .result()
            .toCompletableFuture()
            .get(600, TimeUnit.SECONDS);
    engine.stop(alone.bytesReceived());
    assertThat(alone.bytesReceived()).isEqualTo(dag.bytesWritten());
    return engine;
  }

  /** Times a transfer through the managers, opened by {@code open}, until the recipient is done. */
  private static Measure managerTransfer(
      TransferNode recipient, ImportResult dag, Callable<ChannelId> open) throws Exception {
    Measure transfer = Measure.start();
    ChannelId chid = open.call();
    recipient.awaitCompletion(chid);
    long received = recipient.manager.channelState(chid).received();
    transfer.stop(received);
    assertThat(received).isEqualTo(dag.bytesWritten());
    return transfer;
  }
}
