package io.dt4j.libp2p.mux.yamux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dt4j.libp2p.mux.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The byte examples of libp2p.md §5.8, decoded whole and byte by byte, and encoded back. */
@ExtendWith(LeakDetection.class)
class YamuxFrameCodecTest {
  private static final String VECTORS = "/vectors/yamux/spec-5.8.csv";

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = VECTORS)
  void decodesTheSpecExample(
      String name, String hex, YamuxFrameType type, int flags, long id, long length, String data) {
    EmbeddedChannel ch = decoderChannel();
    assertFalse(ch.writeInbound(bytes(hex).retainedSlice(0, 5)));
    ByteBuf rest = bytes(hex);
    rest.skipBytes(5);
    assertTrue(ch.writeInbound(rest));
    assertFrame(ch.readInbound(), type, flags, id, length, data);
    assertFalse(ch.finish());
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = VECTORS)
  void decodesTheSpecExampleFedOneByteAtATime(
      String name, String hex, YamuxFrameType type, int flags, long id, long length, String data) {
    EmbeddedChannel ch = decoderChannel();
    ByteBuf in = bytes(hex);
    while (in.isReadable()) {
      ch.writeInbound(in.readRetainedSlice(1));
    }
    in.release();
    assertFrame(ch.readInbound(), type, flags, id, length, data);
    assertNull(ch.readInbound());
    assertFalse(ch.finish());
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = VECTORS)
  void encodesTheSpecExample(
      String name, String hex, YamuxFrameType type, int flags, long id, long length, String data) {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameCodec());
    ByteBuf payload = data == null ? Unpooled.EMPTY_BUFFER : bytes(data);
    assertTrue(ch.writeOutbound(YamuxFrame.of(type, flags, id, length, payload)));
    StringBuilder out = new StringBuilder();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      out.append(ByteBufUtil.hexDump(b));
      b.release();
    }
    assertEquals(hex.replace(" ", ""), out.toString());
    assertFalse(ch.finish());
  }

  @Test
  void rejectsAnUnknownVersion() {
    EmbeddedChannel ch = decoderChannel();
    DecoderException e =
        assertThrows(
            DecoderException.class, () -> ch.writeInbound(bytes("01000000 00000001 00000000")));
    assertTrue(e instanceof YamuxProtocolException, e.toString());
    assertFalse(ch.finish());
  }

  @Test
  void rejectsADataFrameOverTheMaximumBeforeItsBodyArrives() {
    EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1024));
    assertThrows(
        YamuxProtocolException.class, () -> ch.writeInbound(bytes("00000000 00000001 00000401")));
    assertFalse(ch.writeInbound(bytes("00")), "input after the error is discarded");
    assertFalse(ch.finish());
  }

  private static EmbeddedChannel decoderChannel() {
    return new EmbeddedChannel(new YamuxFrameDecoder(1 << 24), new YamuxFrameCodec());
  }

  private static void assertFrame(
      YamuxFrame frame, YamuxFrameType type, int flags, long id, long length, String data) {
    try {
      assertEquals(type, frame.type());
      assertEquals(flags, frame.flags());
      assertEquals(id, frame.streamId());
      assertEquals(length, frame.length());
      assertEquals(data == null ? "" : data, ByteBufUtil.hexDump(frame.content()));
    } finally {
      frame.release();
    }
  }

  static ByteBuf bytes(String hex) {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
  }
}
