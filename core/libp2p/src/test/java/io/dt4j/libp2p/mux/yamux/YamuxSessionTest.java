package io.dt4j.libp2p.mux.yamux;

import static io.dt4j.libp2p.mux.yamux.YamuxFrameCodecTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dt4j.libp2p.mux.LeakDetection;
import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.StreamRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client-side yamux session on an EmbeddedChannel, fed raw frames: the spec's byte examples as
 * sent, malformed input closing the session with go-away and a reason, and frames for unknown
 * streams discarded as go-yamux does.
 */
@ExtendWith(LeakDetection.class)
class YamuxSessionTest {
  private static final String GO_AWAY_PROTOCOL_ERROR = "000300000000000000000001";

  private final EmbeddedChannel ch = new EmbeddedChannel();
  private final List<MuxedStream> accepted = new ArrayList<>();
  private YamuxSession session;

  private void install(YamuxConfig config) {
    session =
        new YamuxMuxerFactory(config.withKeepAliveInterval(Duration.ZERO))
            .install(ch, true, accepted::add);
    assertEquals("000200010000000000000001", outbound(), "RTT ping at start");
  }

  private void install() {
    install(YamuxConfig.defaults());
  }

  @Test
  void sendsTheSpecExamplesForOpenWriteCloseAndGoAway() throws Exception {
    install();
    MuxedStream stream = session.openStream().getNow();
    stream.setListener(new StreamRecorder());
    assertEquals("000100010000000100000000", outbound(), "open stream 1");
    ch.writeInbound(bytes("00010002 00000001 00000000")); // accepted
    stream.write(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
    assertEquals("00000000000000010000000568656c6c6f", outbound());
    stream.closeWrite();
    assertEquals("000100040000000100000000", outbound(), "half-close stream 1");
    session.close();
    assertEquals("000300000000000000000000", outbound(), "go away, normal");
    assertTrue(ch.isOpen(), "stream 1 still open for reading: grace period");
    ch.writeInbound(bytes("00000004 00000001 00000000")); // remote half-closes too
    assertFalse(ch.isOpen(), "closed once no stream is left");
    assertFalse(ch.finish());
  }

  @Test
  void answersPingsAheadOfQueuedData() {
    install();
    MuxedStream stream = session.openStream().getNow();
    outbound();
    ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    stream.write(Unpooled.wrappedBuffer(new byte[4096]));
    assertEquals("", outbound(), "data waits while the connection is unwritable");
    ch.writeInbound(bytes("00020001 00000000 00000007"));
    assertEquals("000200020000000000000007", outbound(), "pong jumps the queue");
    ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
    ch.runPendingTasks();
    assertThat(outbound()).startsWith("000000000000000100001000");
    assertFalse(ch.finish());
  }

  @Test
  void grantsWindowAfterHalfIsConsumedAndOnlyWhileReading() {
    install();
    ch.writeInbound(bytes("00010001 00000002 00000000")); // remote opens stream 2
    assertEquals("000100020000000200000000", outbound(), "accept stream 2");
    MuxedStream stream = accepted.get(0);
    StreamRecorder reader = new StreamRecorder();
    stream.setListener(reader);
    ch.writeInbound(dataFrame(2, 128 * 1024));
    assertEquals("000100000000000200020000", outbound(), "+131072 after half the window");
    stream.setAutoRead(false);
    ch.writeInbound(dataFrame(2, 128 * 1024));
    assertEquals("", outbound(), "a paused reader grants nothing");
    assertEquals(128 * 1024, ((YamuxStream) stream).bufferedInboundBytes());
    stream.setAutoRead(true);
    assertEquals("000100000000000200020000", outbound(), "granted on resume");
    assertEquals(256 * 1024, reader.receivedBytes());
    assertFalse(ch.finish());
  }

  @Test
  void aDataFrameSpreadOverSeveralBuffersArrivesWholeWithoutBeingJoined() {
    install();
    ch.writeInbound(bytes("00010001 00000002 00000000")); // remote opens stream 2
    outbound();
    StreamRecorder reader = new StreamRecorder();
    accepted.get(0).setListener(reader);
    byte[] payload = new byte[1000];
    new java.util.Random(4).nextBytes(payload);
    ByteBuf frame = Unpooled.buffer().writeBytes(bytes("00000000 00000002 000003e8"));
    frame.writeBytes(payload);
    ch.writeInbound(frame.readRetainedSlice(5)); // a piece of the header
    ch.writeInbound(frame.readRetainedSlice(400)); // the rest of it and the payload's start
    ch.writeInbound(frame); // the payload's end
    assertThat(reader.bytes()).isEqualTo(payload);
    assertThat(reader.nioBufferCounts())
        .as("one payload, delivered once, in the buffers it came in (not joined)")
        .singleElement()
        .satisfies(n -> assertThat(n).isGreaterThan(1));
    assertFalse(ch.finish());
  }

  @Test
  void dataBeyondTheWindowClosesTheSession() {
    install();
    ch.writeInbound(bytes("00010001 00000002 00000000"));
    outbound();
    accepted.get(0).setAutoRead(false);
    accepted.get(0).setListener(new StreamRecorder());
    ch.writeInbound(dataFrame(2, 256 * 1024));
    assertTrue(ch.isOpen(), "exactly the window is fine");
    ch.writeInbound(dataFrame(2, 1));
    assertClosedWith("beyond its window");
  }

  @Test
  void anUnknownVersionClosesTheSession() {
    install();
    ch.writeInbound(bytes("01000000 00000001 00000000"));
    assertClosedWith("unsupported yamux version 1");
  }

  @Test
  void anUnknownTypeClosesTheSession() {
    install();
    ch.writeInbound(bytes("00040000 00000001 00000000"));
    assertClosedWith("unknown yamux frame type 4");
  }

  @Test
  void aFrameOverTheMaximumClosesTheSession() {
    install();
    ch.writeInbound(bytes("00000000 00000001 01000001"));
    assertClosedWith("exceeds the maximum 16777216");
  }

  @Test
  void aWindowOverflowClosesTheSession() {
    install();
    session.openStream();
    outbound();
    ch.writeInbound(bytes("00010002 00000001 ffffffff"));
    assertClosedWith("overflows the send window");
  }

  @Test
  void aSynWithThisSidesParityClosesTheSession() {
    install();
    ch.writeInbound(bytes("00010001 00000003 00000000"));
    assertClosedWith("has this side's parity");
  }

  @Test
  void framesForUnknownStreamsAreDiscarded() {
    install();
    ch.writeInbound(bytes("00000000 00000005 00000005 68656c6c6f"));
    ch.writeInbound(bytes("00010000 00000007 00001000"));
    ch.writeInbound(bytes("00010008 00000009 00000000"));
    assertTrue(ch.isOpen());
    assertEquals("", outbound());
    assertTrue(session.closeReason().isEmpty());
    assertFalse(ch.finish());
  }

  @Test
  void synsBeyondTheStreamLimitAreReset() {
    install(YamuxConfig.defaults().withMaxConcurrentStreams(1));
    ch.writeInbound(bytes("00010001 00000002 00000000"));
    assertEquals("000100020000000200000000", outbound());
    ch.writeInbound(bytes("00000001 00000004 00000002 6869"));
    assertEquals("000100080000000400000000", outbound(), "RST for stream 4");
    assertEquals(1, accepted.size());
    assertTrue(ch.isOpen());
    assertFalse(ch.finish());
  }

  @Test
  void aRemoteResetReachesTheListenerAndDropsBufferedData() {
    install();
    ch.writeInbound(bytes("00000001 00000002 00000002 6869"));
    outbound();
    MuxedStream stream = accepted.get(0);
    stream.setAutoRead(false);
    StreamRecorder reader = new StreamRecorder();
    stream.setListener(reader);
    ch.writeInbound(bytes("00010008 00000002 00000000"));
    assertThat(reader.reset.getNow(null)).contains("reset by the remote");
    assertEquals(0, reader.receivedBytes());
    assertEquals(0, session.openStreams());
    assertFalse(ch.finish());
  }

  @Test
  void dataAfterFinResetsOnlyThatStream() {
    install();
    ch.writeInbound(bytes("00010001 00000002 00000000"));
    ch.writeInbound(bytes("00010001 00000004 00000000"));
    outbound();
    StreamRecorder broken = new StreamRecorder();
    accepted.get(0).setListener(broken);
    ch.writeInbound(bytes("00000004 00000002 00000002 6869")); // "hi" + FIN
    ch.writeInbound(bytes("00000000 00000002 00000001 21")); // then "!"
    assertEquals("000100080000000200000000", outbound(), "RST for stream 2 only");
    assertThat(broken.reset.getNow(null)).contains("after its FIN");
    assertEquals("hi", new String(broken.bytes(), StandardCharsets.US_ASCII));
    assertTrue(ch.isOpen());
    assertEquals(1, session.openStreams(), "stream 4 is untouched");
    assertFalse(ch.finish());
  }

  @Test
  void opensBeyondTheAckBacklogWaitForAnAck() {
    install();
    for (int i = 0; i < YamuxSession.ACK_BACKLOG; i++) {
      assertTrue(session.openStream().isSuccess());
    }
    outbound();
    io.netty.util.concurrent.Future<MuxedStream> waiting = session.openStream();
    assertFalse(waiting.isDone(), "257th open waits");
    assertEquals("", outbound());
    ch.writeInbound(bytes("00010002 00000001 00000000")); // ACK for stream 1
    assertTrue(waiting.isSuccess());
    assertEquals(513, waiting.getNow().id());
    assertEquals("000100010000020100000000", outbound(), "SYN for stream 513");
    io.netty.util.concurrent.Future<MuxedStream> refused = session.openStream();
    session.close();
    assertFalse(refused.isSuccess(), "a waiting open fails when the session closes");
    assertTrue(refused.isDone());
    outbound();
    ch.close();
    assertFalse(ch.finish());
  }

  @Test
  void aClosedStreamWithUnreadDataIsResetAndReleasedWhenTheConnectionDrops() {
    install();
    ch.writeInbound(bytes("00000005 00000002 00000002 6869")); // SYN + "hi" + FIN
    outbound();
    MuxedStream stream = accepted.get(0);
    stream.setAutoRead(false);
    StreamRecorder reader = new StreamRecorder();
    stream.setListener(reader);
    stream.closeWrite();
    assertEquals(1, session.openStreams(), "both closed, but \"hi\" is unread");
    ch.close();
    assertThat(reader.reset.getNow(null)).isEqualTo("connection closed");
    outbound();
    assertFalse(ch.finish());
  }

  @Test
  void aMissingPongClosesTheSession() {
    session =
        new YamuxMuxerFactory(YamuxConfig.defaults().withKeepAliveInterval(Duration.ZERO))
            .install(ch, true, accepted::add);
    outbound();
    ch.advanceTimeBy(11, java.util.concurrent.TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertFalse(ch.isOpen());
    assertThat(session.closeReason()).hasValueSatisfying(r -> assertThat(r).contains("ping"));
    outbound();
    assertFalse(ch.finish());
  }

  private void assertClosedWith(String reason) {
    assertFalse(ch.isOpen(), "session closed");
    assertThat(session.closeReason()).hasValueSatisfying(r -> assertThat(r).contains(reason));
    assertEquals(GO_AWAY_PROTOCOL_ERROR, outbound(), "go away, protocol error");
    assertFalse(ch.finish());
  }

  private static ByteBuf dataFrame(long id, int length) {
    ByteBuf frame = Unpooled.buffer(12 + length);
    frame.writeShort(0).writeShort(0).writeInt((int) id).writeInt(length);
    frame.writeZero(length);
    return frame;
  }

  /** Reads and releases everything written so far, as one hex string. */
  private String outbound() {
    ch.runPendingTasks();
    StringBuilder hex = new StringBuilder();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      hex.append(ByteBufUtil.hexDump(b));
      b.release();
    }
    return hex.toString();
  }
}
