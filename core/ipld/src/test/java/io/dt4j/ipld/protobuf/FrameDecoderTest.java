package io.dt4j.ipld.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Varint-length-delimited frames: split anywhere, limit checked before allocation. */
class FrameDecoderTest {
  private static final HexFormat HEX = HexFormat.of();

  private static List<String> feed(FrameDecoder decoder, String... chunks) {
    List<String> frames = new ArrayList<>();
    for (String chunk : chunks) {
      decoder.decode(ByteBuffer.wrap(HEX.parseHex(chunk)), f -> frames.add(HEX.formatHex(f)));
    }
    return frames;
  }

  @Test
  void splitsConcatenatedFramesIncludingEmptyOnes() {
    assertThat(feed(new FrameDecoder(100), "0261620003636465"))
        .containsExactly("6162", "", "636465");
  }

  @Test
  void reassemblesFramesSplitByteByByte() {
    FrameDecoder decoder = new FrameDecoder(1000);
    byte[] body = new byte[300];
    body[299] = 7;
    String hex = HEX.formatHex(FrameDecoder.lengthPrefix(300)) + HEX.formatHex(body);
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < hex.length(); i += 2) {
      frames.addAll(feed(decoder, hex.substring(i, i + 2)));
      assertThat(decoder.hasPartialFrame()).isEqualTo(i + 2 < hex.length());
    }
    assertThat(frames).containsExactly(HEX.formatHex(body));
  }

  @Test
  void reassemblesAFrameLargerThanItsFirstBufferFromUnevenChunks() {
    // the buffer starts small and grows with the bytes that arrive (a prefix alone is a claim)
    int length = 3 * FrameDecoder.INITIAL_FRAME_BYTES + 5;
    byte[] body = new byte[length];
    for (int i = 0; i < length; i++) {
      body[i] = (byte) (i * 31);
    }
    ByteBuffer stream = ByteBuffer.allocate(length + 10);
    stream.put(FrameDecoder.lengthPrefix(length)).put(body).flip();
    FrameDecoder decoder = new FrameDecoder(length);
    List<byte[]> frames = new ArrayList<>();
    for (int chunk = 1; stream.hasRemaining(); chunk = chunk * 3 + 1) {
      ByteBuffer read = stream.slice(stream.position(), Math.min(chunk, stream.remaining()));
      stream.position(stream.position() + read.remaining());
      decoder.decode(read, frames::add);
    }
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0)).isEqualTo(body);
    assertThat(decoder.hasPartialFrame()).isFalse();
  }

  @Test
  void reassemblesBlockSizedFramesThatGrowPastSeveralBuffers() {
    // a 1 MiB block message, and a 4 MiB one, in yamux-sized chunks: every byte lands in order
    for (int length : new int[] {(1 << 20) + 100, 4 << 20, 2 * FrameDecoder.INITIAL_FRAME_BYTES}) {
      byte[] body = new byte[length];
      for (int i = 0; i < length; i++) {
        body[i] = (byte) (i * 7 + (i >> 12));
      }
      ByteBuffer stream = ByteBuffer.allocate(length + 10);
      stream.put(FrameDecoder.lengthPrefix(length)).put(body).flip();
      FrameDecoder decoder = new FrameDecoder(4 << 20);
      List<byte[]> frames = new ArrayList<>();
      while (stream.hasRemaining()) {
        ByteBuffer read = stream.slice(stream.position(), Math.min(65_536, stream.remaining()));
        stream.position(stream.position() + read.remaining());
        decoder.decode(read, frames::add);
      }
      assertThat(frames).as("frame of %d bytes", length).hasSize(1);
      assertThat(frames.get(0)).isEqualTo(body);
    }
  }

  @Test
  void rejectsAFrameOverTheLimitFromItsPrefixAlone() {
    // 2^40 bytes declared, nothing following: fails without allocating
    assertThatThrownBy(() -> feed(new FrameDecoder(4 << 20), "808080808020"))
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("over the limit of 4194304");
  }

  @Test
  void rejectsMalformedPrefixes() {
    assertThatThrownBy(() -> feed(new FrameDecoder(10), "8000"))
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("not minimally encoded");
    assertThatThrownBy(() -> feed(new FrameDecoder(10), "ffffffffffffffffff7f"))
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("overflows 64 bits");
  }

  @Test
  void reportsTheOffsetOfTheBadPrefixInTheStream() {
    assertThatThrownBy(() -> feed(new FrameDecoder(10), "0161", "0b"))
        .hasMessageContaining("stream offset 2");
  }
}
