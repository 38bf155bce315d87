package io.dt4j.ipld.protobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf wire format from a byte array, bounded: every length is checked against the bytes
 * that remain and against a limit before anything is allocated, embedded messages nest at most
 * {@link #MAX_DEPTH} deep, and every failure is a {@link MalformedProtobufException} naming the
 * byte offset from the start of the outermost input (also inside embedded messages).
 *
 * <pre>
 *   field := uvarint(number &lt;&lt; 3 | wireType) · value
 *   value := uvarint                 (0)   | 8 bytes little-endian (1)
 *          | uvarint(length) · bytes (2)   | 4 bytes little-endian (5)
 * </pre>
 *
 * Varints are at most 10 bytes (64 bits, as protobuf's) and must be minimally encoded, which every
 * protobuf encoder produces. Groups (wire types 3 and 4) are rejected. A codec reads tags in a loop
 * and {@link #skip}s the fields it does not know (proto3) or rejects them (strict codecs). Not
 * thread-safe.
 */
public final class ProtobufReader {
  /** Wire type of varint fields. */
  public static final int VARINT = 0;

  /** Wire type of 64-bit fixed fields. */
  public static final int FIXED64 = 1;

  /** Wire type of length-delimited fields (bytes, strings, embedded messages, packed lists). */
  public static final int LENGTH_DELIMITED = 2;

  /** Wire type of 32-bit fixed fields. */
  public static final int FIXED32 = 5;

  /** How deep embedded messages may nest below the outermost one. */
  public static final int MAX_DEPTH = 64;

  private static final int MAX_VARINT_LENGTH = 10;

  private final ByteBuffer in;
  private final int maxLength;
  private final int depth;

  private ProtobufReader(ByteBuffer in, int maxLength, int depth) {
    this.in = in;
    this.maxLength = maxLength;
    this.depth = depth;
  }

  /**
   * Reads a whole array; no length-delimited field may be longer than the array itself.
   *
   * @param bytes the encoded message (not copied; do not change it while reading)
   * @return a reader positioned at byte 0
   */
  public static ProtobufReader of(byte[] bytes) {
    return of(bytes, bytes.length);
  }

  /**
   * Reads a whole array with a limit on the length of any one length-delimited field.
   *
   * @param bytes the encoded message (not copied; do not change it while reading)
   * @param maxFieldLength the longest bytes, string or embedded message accepted
   * @return a reader positioned at byte 0
   */
  public static ProtobufReader of(byte[] bytes, int maxFieldLength) {
    if (maxFieldLength < 0) {
      throw new IllegalArgumentException("maxFieldLength must not be negative");
    }
    return new ProtobufReader(
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), maxFieldLength, 0);
  }

  /**
   * A field key: field number, wire type, and the offset where the key starts.
   *
   * @param fieldNumber the field number (at least 1)
   * @param wireType the wire type (0 to 5)
   * @param offset the byte offset of the key
   */
  public record Tag(int fieldNumber, int wireType, int offset) {}

  /**
   * Tells whether bytes remain in this message.
   *
   * @return true if another field follows
   */
  public boolean hasRemaining() {
    return in.hasRemaining();
  }

  /**
   * Returns the current byte offset from the start of the outermost input.
   *
   * @return the offset
   */
  public int position() {
    return in.position();
  }

  /**
   * Reads a field key.
   *
   * @return the tag
   * @throws MalformedProtobufException if the key is truncated, names field 0 or a field above 2^29
   *     - 1, or has wire type 6 or 7
   */
  public Tag readTag() {
    int offset = in.position();
    long key = readUint64();
    long field = key >>> 3;
    int wireType = (int) (key & 7);
    if (field == 0 || field > 0x1fff_ffffL) {
      throw new MalformedProtobufException(
          "protobuf: invalid field number " + Long.toUnsignedString(field) + at(offset));
    }
    if (wireType > FIXED32) {
      throw new MalformedProtobufException("protobuf: invalid wire type " + wireType + at(offset));
    }
    return new Tag((int) field, wireType, offset);
  }

  /**
   * Reads a varint value that must be below 2^63 (an unsigned size or count).
   *
   * @return the value
   * @throws MalformedProtobufException if truncated, not minimal, or 2^63 or more
   */
  public long readVarint() {
    int offset = in.position();
    long value = readUint64();
    if (value < 0) {
      throw new MalformedProtobufException(
          "protobuf: varint " + Long.toUnsignedString(value) + at(offset) + " is 2^63 or more");
    }
    return value;
  }

  /**
   * Reads a varint as the 64 bits of a {@code uint64} or {@code int64} field.
   *
   * @return the value's bits
   * @throws MalformedProtobufException if truncated, not minimal or longer than 10 bytes
   */
  public long readUint64() {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_VARINT_LENGTH; i++) {
      if (!in.hasRemaining()) {
        throw new MalformedProtobufException(
            "protobuf: truncated varint starting at byte offset " + start);
      }
      int b = in.get() & 0xff;
      if (i == MAX_VARINT_LENGTH - 1 && b > 1) {
        throw new MalformedProtobufException("protobuf: varint" + at(start) + " overflows 64 bits");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new MalformedProtobufException(
              "protobuf: varint" + at(start) + " is not minimally encoded");
        }
        return value;
      }
    }
    throw new MalformedProtobufException(
        "protobuf: varint" + at(start) + " is longer than " + MAX_VARINT_LENGTH + " bytes");
  }

  /**
   * Reads an {@code int32} field: a varint holding the value sign-extended to 64 bits (negative
   * values take 10 bytes).
   *
   * @return the value
   * @throws MalformedProtobufException if the varint is malformed or not a sign-extended int32
   */
  public int readInt32() {
    int offset = in.position();
    long value = readUint64();
    if ((int) value != value) {
      throw new MalformedProtobufException(
          "protobuf: int32 varint" + at(offset) + " is out of range: " + value);
    }
    return (int) value;
  }

  /**
   * Reads a {@code bool} field: any non-zero varint is true.
   *
   * @return the value
   * @throws MalformedProtobufException if the varint is malformed
   */
  public boolean readBool() {
    return readUint64() != 0;
  }

  /**
   * Reads a little-endian 32-bit value (wire type 5).
   *
   * @return the value as an unsigned int in a long
   * @throws MalformedProtobufException if fewer than 4 bytes remain
   */
  public long readFixed32() {
    requireRemaining(4, "fixed32");
    return in.getInt() & 0xffffffffL;
  }

  /**
   * Reads a little-endian 64-bit value (wire type 1).
   *
   * @return the value's bits
   * @throws MalformedProtobufException if fewer than 8 bytes remain
   */
  public long readFixed64() {
    requireRemaining(8, "fixed64");
    return in.getLong();
  }

  /**
   * Reads a length-delimited value as a new array.
   *
   * @return the bytes
   * @throws MalformedProtobufException if the length runs past the end of this message or over the
   *     limit
   */
  public byte[] readBytes() {
    int length = readLength();
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  /**
   * Reads a length-delimited value as strict UTF-8.
   *
   * @return the string
   * @throws MalformedProtobufException if truncated, over the limit or not valid UTF-8
   */
  public String readString() {
    int offset = in.position();
    int length = readLength();
    ByteBuffer bytes = in.slice().limit(length);
    in.position(in.position() + length);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedProtobufException(
          "protobuf: string" + at(offset) + " is not valid UTF-8", e);
    }
  }

  /**
   * Reads a length-delimited value as an embedded message; this reader skips past it.
   *
   * @return a reader over exactly the embedded message, reporting offsets of the outer input
   * @throws MalformedProtobufException if the length runs past the end of this message or over the
   *     limit, or the message nests deeper than {@link #MAX_DEPTH}
   */
  public ProtobufReader readEmbedded() {
    int offset = in.position();
    if (depth >= MAX_DEPTH) {
      throw new MalformedProtobufException(
          "protobuf: embedded message" + at(offset) + " nests deeper than " + MAX_DEPTH);
    }
    int length = readLength();
    ByteBuffer embedded = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    embedded.limit(in.position() + length);
    in.position(in.position() + length);
    return new ProtobufReader(embedded, maxLength, depth + 1);
  }

  /**
   * Skips the value of a field the codec does not know (proto3 keeps going).
   *
   * @param tag the field's tag, as returned by {@link #readTag()}
   * @throws MalformedProtobufException if the value is truncated or the field is a group
   */
  public void skip(Tag tag) {
    switch (tag.wireType()) {
      case VARINT -> readUint64();
      case FIXED64 -> skipFixed(8);
      case LENGTH_DELIMITED -> {
        int length = readLength();
        in.position(in.position() + length);
      }
      case FIXED32 -> skipFixed(4);
      default ->
          throw new MalformedProtobufException(
              "protobuf: field "
                  + tag.fieldNumber()
                  + " is a group (wire type "
                  + tag.wireType()
                  + "), which is not supported"
                  + at(tag.offset()));
    }
  }

  private int readLength() {
    int offset = in.position();
    long length = readUint64();
    if (length < 0 || length > in.remaining()) {
      throw new MalformedProtobufException(
          "protobuf: length "
              + Long.toUnsignedString(length)
              + at(offset)
              + " runs past the end ("
              + in.remaining()
              + " bytes remain)");
    }
    if (length > maxLength) {
      throw new MalformedProtobufException(
          "protobuf: length " + length + at(offset) + " is over the limit of " + maxLength);
    }
    return (int) length;
  }

  private void skipFixed(int width) {
    requireRemaining(width, "fixed" + (8 * width));
    in.position(in.position() + width);
  }

  private void requireRemaining(int count, String what) {
    if (in.remaining() < count) {
      throw new MalformedProtobufException(
          "protobuf: truncated " + what + at(in.position()) + " (" + in.remaining() + " remain)");
    }
  }

  private static String at(int offset) {
    return " at byte offset " + offset;
  }
}
