package io.dt4j.libp2p.mux;

import io.dt4j.libp2p.mux.mplex.MplexMuxerFactory;
import io.dt4j.libp2p.mux.yamux.YamuxConfig;
import io.dt4j.libp2p.mux.yamux.YamuxMuxerFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.ResourceLeakDetector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Not a unit test: prints the throughput of 1 GiB over one stream on loopback TCP without security,
 * stopping after 30 s, with Netty's default (SIMPLE) leak detection. {@code
 * -Ddt4j.throughput.rounds=N} repeats the set, {@code -Ddt4j.throughput.only=text} keeps the
 * configurations whose name contains the text. Run with {@code -Ddt4j.throughput=true
 * -Dtest=MuxThroughputCheck}.
 */
@EnabledIfSystemProperty(named = "dt4j.throughput", matches = "true")
class MuxThroughputCheck {

  /** Netty's production default; PARANOID tracking would dominate the per-frame cost. */
  @BeforeAll
  static void productionLeakDetection() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
  }

  private static final long TOTAL = 1L << 30;
  private static final int CHUNK = 1 << 20;

  static Stream<Arguments> muxers() {
    int rounds = Integer.getInteger("dt4j.throughput.rounds", 1);
    return Stream.concat(
        Stream.of(
            Arguments.of(
                "warm-up: yamux, 64 KiB frames (default)",
                new YamuxMuxerFactory(),
                WriteBufferWaterMark.DEFAULT)),
        IntStream.range(0, rounds)
            .boxed()
            .flatMap(round -> configurations())
            .filter(
                c ->
                    ((String) c.get()[0])
                        .contains(System.getProperty("dt4j.throughput.only", ""))));
  }

  private static Stream<Arguments> configurations() {
    WriteBufferWaterMark netty = WriteBufferWaterMark.DEFAULT;
    WriteBufferWaterMark large = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);
    return Stream.of(
        Arguments.of("yamux, 64 KiB frames (default)", new YamuxMuxerFactory(), netty),
        Arguments.of("yamux, 64 KiB frames, water mark 1 MiB", new YamuxMuxerFactory(), large),
        Arguments.of(
            "yamux, 16 KiB frames",
            new YamuxMuxerFactory(YamuxConfig.defaults().withMaxFramePayload(16 * 1024)),
            netty),
        Arguments.of(
            "yamux, 256 KiB frames",
            new YamuxMuxerFactory(YamuxConfig.defaults().withMaxFramePayload(256 * 1024)),
            netty),
        Arguments.of(
            "yamux, 64 KiB frames, window fixed at 256 KiB",
            new YamuxMuxerFactory(YamuxConfig.defaults().withMaxStreamWindow(256 * 1024)),
            netty),
        Arguments.of("mplex, 64 KiB messages (default)", new MplexMuxerFactory(), netty),
        Arguments.of("mplex, 64 KiB messages, water mark 1 MiB", new MplexMuxerFactory(), large));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("muxers")
  void oneGibibyteOverOneStream(String name, MuxerFactory factory, WriteBufferWaterMark waterMark)
      throws Exception {
    AtomicLong received = new AtomicLong();
    CompletableFuture<Long> finished = new CompletableFuture<>();
    ByteBuf source = PooledByteBufAllocator.DEFAULT.directBuffer(CHUNK).writeZero(CHUNK);
    try (LoopbackMuxPair pair = LoopbackMuxPair.connect(factory, 0, waterMark)) {
      pair.server.behaviour =
          stream ->
              stream.setListener(
                  new MuxedStreamListener() {
                    @Override
                    public void onData(ByteBuf data) {
                      received.addAndGet(data.readableBytes());
                      data.release();
                    }

                    @Override
                    public void onRemoteClose() {
                      finished.complete(System.nanoTime());
                    }

                    @Override
                    public void onReset(String reason) {
                      finished.completeExceptionally(new IllegalStateException(reason));
                    }
                  });
      MuxedStream stream = pair.client.open();
      long start = System.nanoTime();
      new PacedWriter(
              stream,
              (offset, length) -> source.retainedSlice(0, length),
              TOTAL,
              CHUNK,
              start + TimeUnit.SECONDS.toNanos(30))
          .start();
      long end = finished.get(60, TimeUnit.SECONDS);
      double seconds = (end - start) / 1e9;
      System.out.printf(
          "THROUGHPUT %s, JDK %s: %d MiB in %.2f s = %.0f MB/s%n",
          name,
          Runtime.version().feature(),
          received.get() >> 20,
          seconds,
          received.get() / seconds / 1e6);
    } finally {
      source.release();
    }
  }
}
