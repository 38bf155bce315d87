package io.dt4j.ipld.protobuf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes protobuf wire format. Fields are written in the order the caller writes them, which is how
 * each codec controls its canonical form; nothing is omitted or reordered here (proto3 codecs skip
 * default values themselves). Not thread-safe.
 */
public final class ProtobufWriter {
  private byte[] buffer;
  private int size;

  /**
   * Creates a writer whose buffer starts at the given capacity and grows as needed.
   *
   * @param expectedSize a capacity hint in bytes
   */
  public ProtobufWriter(int expectedSize) {
    buffer = new byte[Math.max(16, expectedSize)];
  }

  /**
   * Returns how many bytes a value takes as a varint (1 to 10).
   *
   * @param value the value's 64 bits, unsigned
   * @return the encoded length
   */
  public static int varintLength(long value) {
    int length = 1;
    for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
      length++;
    }
    return length;
  }

  /**
   * Encodes a value as a minimal varint of up to 10 bytes.
   *
   * @param value the value's 64 bits, unsigned
   * @return the encoded bytes
   */
  public static byte[] encodeVarint(long value) {
    ProtobufWriter out = new ProtobufWriter(10);
    out.writeVarint(value);
    return out.toByteArray();
  }

  /**
   * Returns how many bytes a length-delimited field takes: key, length and value.
   *
   * @param fieldNumber the field number
   * @param length the value's length
   * @return the field's size
   */
  public static int lengthDelimitedSize(int fieldNumber, int length) {
    return varintLength((long) fieldNumber << 3) + varintLength(length) + length;
  }

  /**
   * Starts a length-delimited field whose value the caller writes next, field by field: an embedded
   * message written in place instead of built separately and copied.
   *
   * @param fieldNumber the field number
   * @param length the exact length of the value that follows
   * @return this writer
   */
  public ProtobufWriter messageHeader(int fieldNumber, int length) {
    writeKey(fieldNumber, ProtobufReader.LENGTH_DELIMITED);
    writeVarint(length);
    ensure(length);
    return this;
  }

  /**
   * Writes only the key and length of a length-delimited field whose value the caller sends after
   * this writer's bytes, by reference (a large block's data, so it is not copied into the message).
   *
   * @param fieldNumber the field number
   * @param length the exact length of the value sent separately
   * @return this writer
   */
  public ProtobufWriter bytesHeader(int fieldNumber, int length) {
    writeKey(fieldNumber, ProtobufReader.LENGTH_DELIMITED);
    writeVarint(length);
    return this;
  }

  /**
   * Writes a varint field.
   *
   * @param fieldNumber the field number
   * @param value the value's 64 bits, unsigned ({@code uint64}, {@code int64} or an enum)
   * @return this writer
   */
  public ProtobufWriter varintField(int fieldNumber, long value) {
    writeKey(fieldNumber, ProtobufReader.VARINT);
    writeVarint(value);
    return this;
  }

  /**
   * Writes an {@code int32} field: negative values are sign-extended to 64 bits (10 bytes), as
   * every protobuf encoder writes them.
   *
   * @param fieldNumber the field number
   * @param value the value
   * @return this writer
   */
  public ProtobufWriter int32Field(int fieldNumber, int value) {
    return varintField(fieldNumber, value);
  }

  /**
   * Writes a {@code bool} field as the varint 0 or 1.
   *
   * @param fieldNumber the field number
   * @param value the value
   * @return this writer
   */
  public ProtobufWriter boolField(int fieldNumber, boolean value) {
    return varintField(fieldNumber, value ? 1 : 0);
  }

  /**
   * Writes a fixed32 field (little-endian).
   *
   * @param fieldNumber the field number
   * @param value the 32-bit value
   * @return this writer
   */
  public ProtobufWriter fixed32Field(int fieldNumber, int value) {
    writeKey(fieldNumber, ProtobufReader.FIXED32);
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  /**
   * Writes a length-delimited field holding the bytes.
   *
   * @param fieldNumber the field number
   * @param value the bytes (an embedded message, a string's UTF-8, or opaque data)
   * @return this writer
   */
  public ProtobufWriter bytesField(int fieldNumber, byte[] value) {
    return bytesField(fieldNumber, value, 0, value.length);
  }

  /**
   * Writes a length-delimited field holding part of an array.
   *
   * @param fieldNumber the field number
   * @param value the array
   * @param offset where the bytes start
   * @param length how many bytes
   * @return this writer
   */
  public ProtobufWriter bytesField(int fieldNumber, byte[] value, int offset, int length) {
    writeKey(fieldNumber, ProtobufReader.LENGTH_DELIMITED);
    writeVarint(length);
    ensure(length);
    System.arraycopy(value, offset, buffer, size, length);
    size += length;
    return this;
  }

  /**
   * Writes a length-delimited field holding what another writer wrote (an embedded message),
   * copying it once.
   *
   * @param fieldNumber the field number
   * @param message the embedded message's writer
   * @return this writer
   */
  public ProtobufWriter messageField(int fieldNumber, ProtobufWriter message) {
    return bytesField(fieldNumber, message.buffer, 0, message.size);
  }

  /**
   * Writes a length-delimited field holding the string's UTF-8 bytes.
   *
   * @param fieldNumber the field number
   * @param value the string
   * @return this writer
   */
  public ProtobufWriter stringField(int fieldNumber, String value) {
    return bytesField(fieldNumber, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns how many bytes were written so far.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns the bytes written so far without copying them: a view of this writer's buffer, for a
   * writer that is done (writing more may or may not show through).
   *
   * @return a buffer from 0 to the size written
   */
  public ByteBuffer toByteBuffer() {
    return ByteBuffer.wrap(buffer, 0, size);
  }

  /**
   * Returns the bytes written so far.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void writeKey(int fieldNumber, int wireType) {
    writeVarint(((long) fieldNumber << 3) | wireType);
  }

  private void writeVarint(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7fL) != 0) {
      buffer[size++] = (byte) ((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    buffer[size++] = (byte) rest;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
