package io.dt4j.libp2p.proto;

import io.dt4j.ipld.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes proto2 wire format in the order the caller writes fields (callers write tag order). */
public final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /**
   * Writes a varint field.
   *
   * @param field the field number
   * @param value the value, non-negative
   * @return this writer
   */
  public ProtoWriter varint(int field, long value) {
    out.writeBytes(Varint.encode((long) field << 3 | ProtoReader.VARINT));
    out.writeBytes(Varint.encode(value));
    return this;
  }

  /**
   * Writes a length-delimited field.
   *
   * @param field the field number
   * @param value the bytes
   * @return this writer
   */
  public ProtoWriter bytes(int field, byte[] value) {
    out.writeBytes(Varint.encode((long) field << 3 | ProtoReader.LENGTH_DELIMITED));
    out.writeBytes(Varint.encode(value.length));
    out.writeBytes(value);
    return this;
  }

  /**
   * Writes a UTF-8 string field.
   *
   * @param field the field number
   * @param value the string
   * @return this writer
   */
  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the encoded message. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
