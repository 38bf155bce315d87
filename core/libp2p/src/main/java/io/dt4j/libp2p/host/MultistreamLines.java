package io.dt4j.libp2p.host;

import io.dt4j.ipld.Varint;
import io.dt4j.libp2p.host.NegotiationException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * multistream-select 1.0 messages on a byte stream (libp2p.md §3.1): {@code uvarint(N) · utf8 ·
 * '\n'}, N counting the newline, at most 1024 bytes.
 *
 * <p>The connection-level negotiation in package {@code multistream} has the same encoding, but as
 * package-private Netty handlers on a pipeline; streams of a muxer are not pipelines, so the host
 * reads the messages from {@code MuxedStream} callbacks with this class.
 */
final class MultistreamLines {
  static final String HEADER = "/multistream/1.0.0";
  static final String NA = "na";
  static final String LS = "ls";
  static final int MAX_LENGTH = 1024;

  private MultistreamLines() {}

  /** Encodes each line as one message, all into one buffer. */
  static ByteBuf encode(ByteBufAllocator alloc, List<String> lines) {
    ByteBuf out = alloc.buffer();
    for (String line : lines) {
      byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(Varint.encode(utf8.length + 1L));
      out.writeBytes(utf8);
      out.writeByte('\n');
    }
    return out;
  }

  /**
   * Reads one message if the buffer holds a whole one.
   *
   * @param in the received bytes; its reader index moves past the message only if one is returned
   * @return the line without its newline, or null if more bytes are needed
   * @throws NegotiationException if the message is malformed or longer than 1024 bytes
   */
  static String tryRead(ByteBuf in) throws NegotiationException {
    int start = in.readerIndex();
    long length = 0;
    int shift = 0;
    int i = start;
    while (true) {
      if (i >= in.writerIndex()) {
        return null;
      }
      int b = in.getByte(i++) & 0xFF;
      length |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 14) {
        throw malformed("multistream message length varint is longer than 3 bytes");
      }
    }
    if (length > MAX_LENGTH) {
      throw malformed("multistream message of " + length + " bytes exceeds " + MAX_LENGTH);
    }
    if (in.writerIndex() - i < length) {
      return null;
    }
    int len = (int) length;
    if (len == 0 || in.getByte(i + len - 1) != '\n') {
      throw malformed("multistream message of " + len + " bytes does not end in a newline");
    }
    String line = in.toString(i, len - 1, StandardCharsets.UTF_8);
    in.readerIndex(i + len);
    return line;
  }

  private static NegotiationException malformed(String message) {
    return new NegotiationException(Reason.MALFORMED_MESSAGE, message);
  }
}
