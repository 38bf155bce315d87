package io.dt4j.benchmarks;

import io.dt4j.libp2p.mux.yamux.YamuxFrame;
import io.dt4j.libp2p.mux.yamux.YamuxFrameCodec;
import io.dt4j.libp2p.mux.yamux.YamuxFrameDecoder;
import io.dt4j.libp2p.mux.yamux.YamuxFrameType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The yamux frame path of a 64 KiB DATA frame through the session's own two stages ({@link
 * YamuxFrameDecoder} then {@link YamuxFrameCodec}) in an embedded channel: encode (header and
 * payload out), and decode (the bytes arriving as two Noise-sized reads, framed and parsed). No
 * copies of the payload are expected on either side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class YamuxFrameBenchmark {
  private static final int PAYLOAD = 65_536;
  private static final int FIRST_READ = 65_519;

  private final ByteBuf payload = Unpooled.directBuffer(PAYLOAD).writeZero(PAYLOAD);
  private ByteBuf wire;
  private EmbeddedChannel channel;

  @Setup
  public void pipeline() {
    channel = new EmbeddedChannel(new YamuxFrameDecoder(16 << 20), new YamuxFrameCodec());
    channel.writeOutbound(frame());
    wire = Unpooled.directBuffer(YamuxFrame.HEADER_LENGTH + PAYLOAD);
    for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
      wire.writeBytes(part);
      part.release();
    }
  }

  @TearDown
  public void close() {
    channel.finishAndReleaseAll();
    wire.release();
    payload.release();
  }

  private YamuxFrame frame() {
    return YamuxFrame.of(YamuxFrameType.DATA, 0, 1, PAYLOAD, payload.retainedDuplicate());
  }

  /** Encodes a frame: header written, payload passed on by reference. */
  @Benchmark
  public int encode() {
    channel.writeOutbound(frame());
    int parts = 0;
    for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
      part.release();
      parts++;
    }
    return parts;
  }

  /** Decodes a frame that arrives in two reads. */
  @Benchmark
  public long decode() {
    channel.writeInbound(wire.retainedSlice(0, FIRST_READ));
    channel.writeInbound(wire.retainedSlice(FIRST_READ, wire.readableBytes() - FIRST_READ));
    YamuxFrame frame = channel.readInbound();
    long length = frame.length();
    frame.release();
    return length;
  }
}
