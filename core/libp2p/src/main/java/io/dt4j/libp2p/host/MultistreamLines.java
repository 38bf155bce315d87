package io.dt4j.libp2p.host;

import io.dt4j.libp2p.host.NegotiationException.Reason;
import io.dt4j.libp2p.multistream.MultistreamException;
import io.dt4j.libp2p.multistream.MultistreamMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Frames multistream-select 1.0 messages out of the bytes a muxed stream delivers (libp2p.md §3.1):
 * {@code uvarint(N) · body}, N at most 1024. Streams of a muxer are not Netty pipelines, so the
 * connection-level {@code MultistreamFrameDecoder} cannot be used; the message encoding itself is
 * {@link MultistreamMessages}'.
 */
final class MultistreamLines {
  static final String HEADER = MultistreamMessages.HEADER;
  static final String NA = MultistreamMessages.NA;
  static final String LS = MultistreamMessages.LS;
  static final int MAX_LENGTH = 1024;

  private MultistreamLines() {}

  /** Encodes each line as one message, all into one buffer. */
  static ByteBuf encode(ByteBufAllocator alloc, List<String> lines) {
    return MultistreamMessages.encode(alloc, lines);
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
    try {
      String line = MultistreamMessages.decode(in.slice(i, len));
      in.readerIndex(i + len);
      return line;
    } catch (MultistreamException e) {
      throw malformed(e.getMessage());
    }
  }

  private static NegotiationException malformed(String message) {
    return new NegotiationException(Reason.MALFORMED_MESSAGE, message);
  }
}
