package io.dt4j.libp2p.proto;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import java.nio.ByteBuffer;

/**
 * Reads proto2 wire format: the two wire types libp2p uses, varint (0) and length-delimited (2);
 * fixed-width fields (1, 5) can only be skipped, groups (3, 4) are rejected. Varints must be
 * minimal (multiformats rule, via {@link Varint}); anything else is a {@link
 * MalformedProtobufException}.
 *
 * <pre>
 *   field := uvarint(number &lt;&lt; 3 | wireType) · value
 *   value := uvarint                      (wire type 0)
 *          | uvarint(length) · bytes      (wire type 2)
 * </pre>
 */
public final class ProtoReader {
  /** Wire type of varint fields. */
  public static final int VARINT = 0;

  /** Wire type of 8-byte fields; only skipped. */
  public static final int FIXED64 = 1;

  /** Wire type of length-delimited fields (bytes, string, embedded message). */
  public static final int LENGTH_DELIMITED = 2;

  /** Wire type of 4-byte fields; only skipped. */
  public static final int FIXED32 = 5;

  private final ByteBuffer in;

  /**
   * Reads from a whole message.
   *
   * @param message the encoded message; not copied, must not change while read
   */
  public ProtoReader(byte[] message) {
    this.in = ByteBuffer.wrap(message);
  }

  /** Returns whether more fields follow. */
  public boolean hasMore() {
    return in.hasRemaining();
  }

  /** Returns the byte offset of the next field, for error messages. */
  public int offset() {
    return in.position();
  }

  /**
   * Reads a field tag.
   *
   * @return the tag, {@code number << 3 | wireType}
   * @throws MalformedProtobufException if the tag is malformed or its wire type unsupported
   */
  public int readTag() {
    int at = in.position();
    long tag = readVarint();
    int wireType = (int) (tag & 7);
    if (tag > Integer.MAX_VALUE || tag >>> 3 == 0) {
      throw new MalformedProtobufException("invalid field tag " + tag + " at byte offset " + at);
    }
    if (wireType != VARINT
        && wireType != LENGTH_DELIMITED
        && wireType != FIXED64
        && wireType != FIXED32) {
      throw new MalformedProtobufException(
          "unsupported wire type " + wireType + " at byte offset " + at);
    }
    return (int) tag;
  }

  /**
   * Reads a varint value.
   *
   * @return the value
   * @throws MalformedProtobufException if truncated or not minimal
   */
  public long readVarint() {
    try {
      return Varint.read(in);
    } catch (MalformedIpldException e) {
      throw new MalformedProtobufException(e.getMessage());
    }
  }

  /**
   * Reads a length-delimited value.
   *
   * @return a copy of the value bytes
   * @throws MalformedProtobufException if the length runs past the end of the message
   */
  public byte[] readBytes() {
    int at = in.position();
    long length = readVarint();
    if (length > in.remaining()) {
      throw new MalformedProtobufException(
          "field at byte offset "
              + at
              + " declares "
              + length
              + " bytes but only "
              + in.remaining()
              + " remain");
    }
    byte[] value = new byte[(int) length];
    in.get(value);
    return value;
  }

  /**
   * Skips the value of a field that the caller does not know.
   *
   * @param tag the field's tag, as returned by {@link #readTag()}
   */
  public void skip(int tag) {
    switch (tag & 7) {
      case VARINT -> readVarint();
      case FIXED64 -> skipFixed(8);
      case FIXED32 -> skipFixed(4);
      default -> readBytes();
    }
  }

  private void skipFixed(int width) {
    if (in.remaining() < width) {
      throw new MalformedProtobufException(
          "truncated " + width + "-byte field at byte offset " + in.position());
    }
    in.position(in.position() + width);
  }
}
