package io.dt4j.ipld.dagpb;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf wire format from a byte array for the two hand-written codecs that need it (dag-pb
 * and the UnixFS {@code Data} message); not a general protobuf library. Every position in an error
 * message is a byte offset from the start of the outermost input, also inside embedded messages.
 * Varints are {@link Varint}s: at most 9 bytes (values below 2^63) and minimally encoded, which
 * every protobuf encoder produces; go and JS decoders would also accept longer forms.
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

  private final ByteBuffer in;

  private ProtobufReader(ByteBuffer in) {
    this.in = in;
  }

  /**
   * Reads a whole array.
   *
   * @param bytes the encoded message (not copied; do not change it while reading)
   * @return a reader positioned at byte 0
   */
  public static ProtobufReader of(byte[] bytes) {
    return new ProtobufReader(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
  }

  /**
   * A field key: field number, wire type, and the offset where the key starts.
   *
   * @param fieldNumber the field number (at least 1)
   * @param wireType the wire type (0 to 7)
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
   * @throws MalformedIpldException if the key is truncated or names field 0 or a huge field
   */
  public Tag readTag() {
    int offset = in.position();
    long key = Varint.read(in);
    long field = key >>> 3;
    if (field == 0 || field > Integer.MAX_VALUE) {
      throw new MalformedIpldException(
          "protobuf: invalid field number " + field + " at byte offset " + offset);
    }
    return new Tag((int) field, (int) (key & 7), offset);
  }

  /**
   * Reads a varint value.
   *
   * @return the value, below 2^63
   * @throws MalformedIpldException if truncated, too long or not minimal
   */
  public long readVarint() {
    return Varint.read(in);
  }

  /**
   * Reads a little-endian 32-bit value (wire type 5).
   *
   * @return the value as an unsigned int in a long
   * @throws MalformedIpldException if fewer than 4 bytes remain
   */
  public long readFixed32() {
    requireRemaining(4, "fixed32");
    return in.getInt() & 0xffffffffL;
  }

  /**
   * Reads a length-delimited value as a new array.
   *
   * @return the bytes
   * @throws MalformedIpldException if the length runs past the end of this message
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
   * @throws MalformedIpldException if truncated or not valid UTF-8
   */
  public String readString() {
    int offset = in.position();
    byte[] bytes = readBytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedIpldException(
          "protobuf: string at byte offset " + offset + " is not valid UTF-8", e);
    }
  }

  /**
   * Reads a length-delimited value as an embedded message; this reader skips past it.
   *
   * @return a reader over exactly the embedded message, reporting offsets of the outer input
   * @throws MalformedIpldException if the length runs past the end of this message
   */
  public ProtobufReader readEmbedded() {
    int length = readLength();
    ByteBuffer embedded = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    embedded.limit(in.position() + length);
    in.position(in.position() + length);
    return new ProtobufReader(embedded);
  }

  private int readLength() {
    int offset = in.position();
    long length = Varint.read(in);
    if (length > in.remaining()) {
      throw new MalformedIpldException(
          "protobuf: length "
              + length
              + " at byte offset "
              + offset
              + " runs past the end ("
              + in.remaining()
              + " bytes remain)");
    }
    return (int) length;
  }

  private void requireRemaining(int count, String what) {
    if (in.remaining() < count) {
      throw new MalformedIpldException(
          "protobuf: truncated " + what + " at byte offset " + in.position());
    }
  }
}
