package io.dt4j.vouchers.filecoin.cborgen;

import io.dt4j.ipld.cbor.CborWriter;

/**
 * How cbor-gen writes and reads one Go field type, e.g. {@code uint64}, {@code cid.Cid} or {@code
 * big.Int}. The constants and combinators are in {@link FieldTypes}.
 *
 * @param <V> the Java type of the field's values
 */
public interface FieldType<V> {

  /**
   * Writes a value as one CBOR item.
   *
   * @param out where to write
   * @param value the value
   */
  void write(CborWriter out, V value);

  /**
   * Reads one CBOR item as a value.
   *
   * @param in where to read
   * @param path the field's path, for errors
   * @return the value
   * @throws io.dt4j.ipld.MalformedIpldException naming the field and the byte offset
   */
  V read(CborGenReader in, String path);
}
