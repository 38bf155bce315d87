package io.dt4j.libp2p.mux.mplex;

import static io.dt4j.libp2p.mux.mplex.MplexFrameCodecTest.bytes;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An mplex session on an EmbeddedChannel fed raw messages: what it sends, malformed input closing
 * the session with a reason, unknown streams ignored, and the connection's autoRead following
 * paused streams.
 */
@ExtendWith(LeakDetection.class)
class MplexSessionTest {
  private final EmbeddedChannel ch = new EmbeddedChannel();
  private final List<MuxedStream> accepted = new ArrayList<>();
  private MplexSession session;

  private void install(MplexConfig config) {
    session = new MplexMuxerFactory(config).install(ch, true, accepted::add);
  }

  @Test
  void sendsTheSpecExamplesForOpenWriteAndClose() {
    install(MplexConfig.defaults());
    MuxedStream stream = session.openStream().getNow();
    assertEquals("000130", outbound(), "NewStream id 0 named \"0\"");
    stream.write(Unpooled.copiedBuffer("hi", StandardCharsets.US_ASCII));
    assertEquals("02026869", outbound());
    stream.closeWrite();
    assertEquals("0400", outbound());
    ch.writeInbound(bytes("01026f6b"));
    StreamRecorder reader = new StreamRecorder();
    stream.setListener(reader);
    assertEquals("ok", new String(reader.bytes(), StandardCharsets.US_ASCII));
    ch.writeInbound(bytes("0300"));
    assertTrue(reader.remoteClosed.isDone());
    assertEquals(0, session.openStreams());
    assertFalse(ch.finish());
  }

  @Test
  void aMessageSpreadOverSeveralBuffersArrivesWholeWithoutBeingJoined() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("080131")); // remote opens its stream 1
    StreamRecorder reader = new StreamRecorder();
    accepted.get(0).setListener(reader);
    byte[] payload = new byte[1000];
    new java.util.Random(4).nextBytes(payload);
    // MessageInitiator (2) for stream 1, length 1000 as the varint e8 07
    ByteBuf message = Unpooled.buffer().writeBytes(bytes("0ae807")).writeBytes(payload);
    ch.writeInbound(message.readRetainedSlice(2)); // a piece of the header
    ch.writeInbound(message.readRetainedSlice(400)); // the rest of it and the data's start
    ch.writeInbound(message); // the data's end
    assertThat(reader.bytes()).isEqualTo(payload);
    assertThat(reader.nioBufferCounts())
        .as("one message, delivered once, in the buffers it came in (not joined)")
        .singleElement()
        .satisfies(n -> assertThat(n).isGreaterThan(1));
    assertFalse(ch.finish());
  }

  @Test
  void splitsLargeWritesIntoSixtyFourKibMessages() {
    install(MplexConfig.defaults());
    MuxedStream stream = session.openStream().getNow();
    outbound();
    stream.write(Unpooled.wrappedBuffer(new byte[150 * 1024]));
    List<Integer> sizes = new ArrayList<>();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      sizes.add(b.readableBytes());
      b.release();
    }
    // each message: a 4-byte header (02, then the length as a 3-byte varint) and the payload
    assertEquals(List.of(4, 65536, 4, 65536, 4, 22528), sizes);
    assertFalse(ch.finish());
  }

  @Test
  void aPausedStreamOverItsLimitStopsReadingTheConnectionUntilItDrains() {
    install(MplexConfig.defaults().withMaxBufferedPerStream(1000));
    ch.writeInbound(bytes("080131")); // remote opens its stream 1
    MuxedStream stream = accepted.get(0);
    stream.setAutoRead(false);
    StreamRecorder reader = new StreamRecorder();
    stream.setListener(reader);
    ch.writeInbound(message(1, 900));
    assertTrue(ch.config().isAutoRead());
    ch.writeInbound(message(1, 200));
    assertFalse(ch.config().isAutoRead(), "over the limit: stop reading");
    stream.setAutoRead(true);
    assertTrue(ch.config().isAutoRead(), "drained: read again");
    assertEquals(1100, reader.receivedBytes());
    assertFalse(ch.finish());
  }

  @Test
  void anUnknownFlagClosesTheSession() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("0f00"));
    assertClosedWith("unknown mplex flag 7");
  }

  @Test
  void aMessageOverTheMaximumClosesTheSession() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("0a818040"));
    assertClosedWith("exceeds the maximum 1048576");
  }

  @Test
  void aDuplicateNewStreamClosesTheSession() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("0000"));
    ch.writeInbound(bytes("0000"));
    assertClosedWith("already open");
  }

  @Test
  void messagesForUnknownStreamsAreIgnored() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("2a026869")); // initiator message on remote stream 5, never opened
    ch.writeInbound(bytes("290161")); // receiver message on our stream 5, never opened
    ch.writeInbound(bytes("2e00")); // reset of remote stream 5
    assertTrue(ch.isOpen());
    assertEquals("", outbound());
    assertTrue(session.closeReason().isEmpty());
    assertFalse(ch.finish());
  }

  @Test
  void newStreamsBeyondTheLimitAreReset() {
    install(MplexConfig.defaults().withMaxConcurrentStreams(1));
    ch.writeInbound(bytes("0000"));
    ch.writeInbound(bytes("2800")); // stream 5
    assertEquals("2d00", outbound(), "ResetReceiver for stream 5");
    assertEquals(1, accepted.size());
    assertFalse(ch.finish());
  }

  @Test
  void aRemoteResetReachesTheListener() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("0000"));
    StreamRecorder reader = new StreamRecorder();
    accepted.get(0).setListener(reader);
    ch.writeInbound(bytes("0600"));
    assertThat(reader.reset.getNow(null)).contains("reset by the remote");
    assertEquals(0, session.openStreams());
    assertFalse(ch.finish());
  }

  @Test
  void dataAfterCloseResetsOnlyThatStream() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("0000")); // remote stream 0
    ch.writeInbound(bytes("0800")); // remote stream 1
    StreamRecorder broken = new StreamRecorder();
    accepted.get(0).setListener(broken);
    ch.writeInbound(bytes("02026869")); // "hi"
    ch.writeInbound(bytes("0400")); // close
    ch.writeInbound(bytes("020121")); // "!" after close
    assertEquals("0500", outbound(), "ResetReceiver for stream 0 only");
    assertThat(broken.reset.getNow(null)).contains("after closing");
    assertEquals("hi", new String(broken.bytes(), StandardCharsets.US_ASCII));
    assertTrue(ch.isOpen());
    assertEquals(1, session.openStreams());
    assertFalse(ch.finish());
  }

  @Test
  void aClosedStreamWithUnreadDataIsResetAndReleasedWhenTheConnectionDrops() {
    install(MplexConfig.defaults());
    ch.writeInbound(bytes("0000")); // remote stream 0
    ch.writeInbound(bytes("02026869")); // "hi"
    ch.writeInbound(bytes("0400")); // close
    MuxedStream stream = accepted.get(0);
    stream.setAutoRead(false);
    StreamRecorder reader = new StreamRecorder();
    stream.setListener(reader);
    stream.closeWrite();
    assertEquals("0300", outbound());
    assertEquals(1, session.openStreams(), "both closed, but \"hi\" is unread");
    ch.close();
    assertThat(reader.reset.getNow(null)).isEqualTo("connection closed");
    assertFalse(ch.finish());
  }

  private void assertClosedWith(String reason) {
    assertFalse(ch.isOpen(), "session closed");
    assertThat(session.closeReason()).hasValueSatisfying(r -> assertThat(r).contains(reason));
    assertFalse(ch.finish());
  }

  private static ByteBuf message(long remoteStreamId, int length) {
    ByteBuf frame = Unpooled.buffer();
    frame.writeBytes(io.dt4j.ipld.Varint.encode(remoteStreamId << 3 | 2));
    frame.writeBytes(io.dt4j.ipld.Varint.encode(length));
    return frame.writeZero(length);
  }

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
