package io.dt4j.libp2p.crypto;

import io.dt4j.ipld.protobuf.MalformedProtobufException;
import io.dt4j.ipld.protobuf.ProtobufReader;
import io.dt4j.ipld.protobuf.ProtobufWriter;

/**
 * The libp2p {@code PublicKey} / {@code PrivateKey} protobufs (peer-ids spec, libp2p.md §1.1). Both
 * have the same shape and must be deterministic, so decoding is strict: exactly
 *
 * <pre>
 *   08 type(varint) 12 len(varint) data
 * </pre>
 *
 * in that order, both fields present, no other fields, minimal varints.
 */
final class KeyProtobuf {
  private static final int TYPE_TAG = 0x08;
  private static final int DATA_TAG = 0x12;

  private KeyProtobuf() {}

  /** The two fields of a key message. */
  record Fields(KeyType type, byte[] data) {}

  static byte[] encode(KeyType type, byte[] data) {
    return new ProtobufWriter(data.length + 8)
        .varintField(1, type.code())
        .bytesField(2, data)
        .toByteArray();
  }

  static Fields decode(byte[] message, String what) {
    try {
      ProtobufReader reader = ProtobufReader.of(message);
      requireTag(reader, TYPE_TAG, what, "Type");
      KeyType type = KeyType.fromCode(reader.readVarint());
      requireTag(reader, DATA_TAG, what, "Data");
      byte[] data = reader.readBytes();
      if (reader.hasRemaining()) {
        throw new MalformedKeyException(
            what + " protobuf has extra bytes at offset " + reader.position() + " after Data");
      }
      return new Fields(type, data);
    } catch (MalformedProtobufException e) {
      throw new MalformedKeyException(what + " protobuf is malformed: " + e.getMessage(), e);
    }
  }

  private static void requireTag(ProtobufReader reader, int tag, String what, String field) {
    if (!reader.hasRemaining()) {
      throw new MalformedKeyException(what + " protobuf lacks the required " + field + " field");
    }
    int at = reader.position();
    ProtobufReader.Tag read = reader.readTag();
    int actual = read.fieldNumber() << 3 | read.wireType();
    if (actual != tag) {
      throw new MalformedKeyException(
          String.format(
              "%s protobuf: expected field %s (tag 0x%02x) at offset %d, found tag 0x%02x",
              what, field, tag, at, actual));
    }
  }
}
