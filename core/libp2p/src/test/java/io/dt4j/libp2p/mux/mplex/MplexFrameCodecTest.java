package io.dt4j.libp2p.mux.mplex;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The byte examples of libp2p.md §6.1, decoded whole and byte by byte, and encoded back. */
@ExtendWith(LeakDetection.class)
class MplexFrameCodecTest {
  private static final String VECTORS = "/vectors/mplex/spec-6.1.csv";

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = VECTORS)
  void decodesTheSpecExample(String name, String hex, long id, MplexFlag flag, String data) {
    EmbeddedChannel ch = decoderChannel();
    assertTrue(ch.writeInbound(bytes(hex)));
    assertFrame(ch.readInbound(), id, flag, data);
    assertFalse(ch.finish());
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = VECTORS)
  void decodesTheSpecExampleFedOneByteAtATime(
      String name, String hex, long id, MplexFlag flag, String data) {
    EmbeddedChannel ch = decoderChannel();
    ByteBuf in = bytes(hex);
    while (in.isReadable()) {
      ch.writeInbound(in.readRetainedSlice(1));
    }
    in.release();
    assertFrame(ch.readInbound(), id, flag, data);
    assertNull(ch.readInbound());
    assertFalse(ch.finish());
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = VECTORS)
  void encodesTheSpecExample(String name, String hex, long id, MplexFlag flag, String data) {
    EmbeddedChannel ch = new EmbeddedChannel(new MplexFrameCodec());
    ByteBuf payload = data == null ? Unpooled.EMPTY_BUFFER : bytes(data);
    assertTrue(ch.writeOutbound(MplexFrame.of(id, flag, payload)));
    StringBuilder out = new StringBuilder();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      out.append(ByteBufUtil.hexDump(b));
      b.release();
    }
    assertEquals(hex, out.toString());
    assertFalse(ch.finish());
  }

  @Test
  void rejectsFlagSeven() {
    EmbeddedChannel ch = decoderChannel();
    assertThrows(MplexProtocolException.class, () -> ch.writeInbound(bytes("0700")));
    assertFalse(ch.finish());
  }

  @Test
  void rejectsAMessageOverOneMebibyteBeforeItsBodyArrives() {
    EmbeddedChannel ch = decoderChannel();
    assertThrows(MplexProtocolException.class, () -> ch.writeInbound(bytes("02818040")));
    assertFalse(ch.writeInbound(bytes("00")), "input after the error is discarded");
    assertFalse(ch.finish());
  }

  @Test
  void rejectsAVarintLongerThanNineBytes() {
    EmbeddedChannel ch = decoderChannel();
    assertThrows(
        MplexProtocolException.class, () -> ch.writeInbound(bytes("ffffffffffffffffff01")));
    assertFalse(ch.finish());
  }

  @Test
  void rejectsANonMinimalLength() {
    EmbeddedChannel ch = decoderChannel();
    assertThrows(MplexProtocolException.class, () -> ch.writeInbound(bytes("028000")));
    assertFalse(ch.finish());
  }

  private static EmbeddedChannel decoderChannel() {
    return new EmbeddedChannel(new MplexFrameDecoder(1 << 20), new MplexFrameCodec());
  }

  private static void assertFrame(MplexFrame frame, long id, MplexFlag flag, String data) {
    try {
      assertEquals(id, frame.streamId());
      assertEquals(flag, frame.flag());
      assertEquals(data == null ? "" : data, ByteBufUtil.hexDump(frame.content()));
    } finally {
      frame.release();
    }
  }

  static ByteBuf bytes(String hex) {
    return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
  }
}
