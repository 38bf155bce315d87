package io.dt4j.vouchers.filecoin;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Filecoin signature (go-state-types {@code crypto.Signature}): its type and the signature bytes.
 * On the wire it is one CBOR byte string, the type byte followed by the data, 1 to {@value
 * #MAX_ENCODED_LENGTH} bytes.
 *
 * @param type the signature scheme
 * @param data the signature bytes
 */
public record Signature(Type type, ByteString data) {
  /** The longest encoded signature Go reads, type byte included. */
  public static final int MAX_ENCODED_LENGTH = 200;

  /** The signature schemes, by their type byte. */
  public enum Type {
    /** secp256k1 (type byte 1). */
    SECP256K1(1),
    /** BLS (type byte 2). */
    BLS(2);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** Returns the type byte. */
    public int code() {
      return code;
    }
  }

  /** Checks that no part is missing and that the encoding fits. */
  public Signature {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    if (data.length() + 1 > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException("signature longer than " + MAX_ENCODED_LENGTH + " bytes");
    }
  }

  /**
   * Reads the encoded form: the type byte and the data.
   *
   * @param encoded the byte string's content
   * @return the signature
   * @throws IllegalArgumentException naming what is wrong (Go's texts)
   */
  public static Signature fromBytes(byte[] encoded) {
    if (encoded.length == 0) {
      throw new IllegalArgumentException("string empty");
    }
    if (encoded.length > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException("string too long");
    }
    byte[] data = Arrays.copyOfRange(encoded, 1, encoded.length);
    for (Type type : Type.values()) {
      if (type.code == (encoded[0] & 0xff)) {
        return new Signature(type, ByteString.of(data));
      }
    }
    throw new IllegalArgumentException(
        "invalid signature type in cbor input: " + (encoded[0] & 0xff));
  }

  /** Returns the encoded form: the type byte and the data. */
  public byte[] toBytes() {
    byte[] data = this.data.toByteArray();
    byte[] encoded = new byte[data.length + 1];
    encoded[0] = (byte) type.code;
    System.arraycopy(data, 0, encoded, 1, data.length);
    return encoded;
  }
}
