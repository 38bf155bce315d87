package io.dt4j.libp2p.multistream;

import io.dt4j.ipld.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The multistream-select 1.0 messages (libp2p.md §3.1): a UTF-8 line ending in {@code '\n'}, framed
 * by {@link MultistreamFrameDecoder} on connections, and read from stream callbacks by the host.
 * The one place that knows their encoding.
 */
public final class MultistreamMessages {
  /** The protocol header both sides send first. */
  public static final String HEADER = "/multistream/1.0.0";

  /** The answer to a protocol that is not supported. */
  public static final String NA = "na";

  /** The request for the list of supported protocols. */
  public static final String LS = "ls";

  private MultistreamMessages() {}

  /**
   * Writes {@code uvarint(len+1) · utf8 · '\n'} for each line into one new buffer.
   *
   * @param alloc the allocator
   * @param lines the messages
   * @return the encoded messages
   */
  public static ByteBuf encode(ByteBufAllocator alloc, List<String> lines) {
    ByteBuf out = alloc.buffer();
    for (String line : lines) {
      writeLine(out, line);
    }
    return out;
  }

  /**
   * The {@code ls} answer: one message whose body is the framed lines followed by {@code '\n'}.
   *
   * @param alloc the allocator
   * @param protocols the supported protocols
   * @return the encoded answer
   */
  public static ByteBuf encodeList(ByteBufAllocator alloc, List<String> protocols) {
    ByteBuf body = alloc.heapBuffer();
    try {
      for (String protocol : protocols) {
        writeLine(body, protocol);
      }
      body.writeByte('\n');
      ByteBuf out = alloc.buffer(body.readableBytes() + Varint.MAX_LENGTH);
      out.writeBytes(Varint.encode(body.readableBytes()));
      out.writeBytes(body);
      return out;
    } finally {
      body.release();
    }
  }

  private static void writeLine(ByteBuf out, String line) {
    byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(Varint.encode(utf8.length + 1L));
    out.writeBytes(utf8);
    out.writeByte('\n');
  }

  /**
   * Reads one message body (the frame's bytes, not released here).
   *
   * @param frame the body, without its length prefix
   * @return the line without its newline
   * @throws MultistreamException if the newline is missing or the bytes are not UTF-8
   */
  public static String decode(ByteBuf frame) throws MultistreamException {
    int length = frame.readableBytes();
    if (length == 0 || frame.getByte(frame.readerIndex() + length - 1) != '\n') {
      throw new MultistreamException(
          MultistreamException.Reason.MALFORMED_MESSAGE,
          "multistream message of " + length + " bytes does not end in a newline");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(frame.nioBuffer(frame.readerIndex(), length - 1))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MultistreamException(
          MultistreamException.Reason.MALFORMED_MESSAGE, "multistream message is not UTF-8", e);
    }
  }
}
