package io.dt4j.ipld.dagpb;

import io.dt4j.ipld.Varint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes protobuf wire format for the two hand-written codecs that need it (dag-pb and the UnixFS
 * {@code Data} message). Fields are written in the order the caller writes them, which is how those
 * codecs control their canonical form. Not thread-safe; not a general protobuf library.
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
   * Writes a varint field.
   *
   * @param fieldNumber the field number
   * @param value the value, in {@code [0, 2^63)}
   * @return this writer
   */
  public ProtobufWriter varintField(int fieldNumber, long value) {
    writeVarint(((long) fieldNumber << 3) | ProtobufReader.VARINT);
    writeVarint(value);
    return this;
  }

  /**
   * Writes a fixed32 field (little-endian).
   *
   * @param fieldNumber the field number
   * @param value the 32-bit value
   * @return this writer
   */
  public ProtobufWriter fixed32Field(int fieldNumber, int value) {
    writeVarint(((long) fieldNumber << 3) | ProtobufReader.FIXED32);
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
    writeVarint(((long) fieldNumber << 3) | ProtobufReader.LENGTH_DELIMITED);
    writeVarint(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
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
   * Returns the bytes written so far.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void writeVarint(long value) {
    byte[] encoded = Varint.encode(value);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buffer, size, encoded.length);
    size += encoded.length;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
