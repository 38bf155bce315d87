package io.dt4j.vouchers.filecoin;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Filecoin actor address in its binary form (go-address of the go-fil-markets v1 era): a protocol
 * byte and its payload. ID addresses carry a minimal varint below 2^63; secp256k1 and actor
 * addresses a 20-byte hash; BLS addresses a 48-byte public key. On the wire it is a CBOR byte
 * string of at most {@value #MAX_ENCODED_LENGTH} bytes; the empty address is not allowed there.
 *
 * <p>{@link #toString()} gives the text form {@code f0<id>} for ID addresses; the text form of the
 * other protocols needs a blake2b checksum and is not produced here (they print as protocol and hex
 * payload).
 */
public final class FilecoinAddress {
  /** The longest binary address Go reads. */
  public static final int MAX_ENCODED_LENGTH = 64;

  /** The address protocols, by their protocol byte. */
  public enum Protocol {
    /** An actor ID. */
    ID(0, -1),
    /** The hash of a secp256k1 public key. */
    SECP256K1(1, 20),
    /** The hash of an actor's creation data. */
    ACTOR(2, 20),
    /** A BLS public key. */
    BLS(3, 48);

    private final int code;
    private final int payloadLength;

    Protocol(int code, int payloadLength) {
      this.code = code;
      this.payloadLength = payloadLength;
    }

    /** Returns the protocol byte. */
    public int code() {
      return code;
    }
  }

  private final byte[] bytes;

  private FilecoinAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns the ID address of an actor, e.g. {@code f01000}.
   *
   * @param actorId the actor ID, below 2^63
   * @return the address
   */
  public static FilecoinAddress id(long actorId) {
    byte[] varint = Varint.encode(actorId);
    byte[] bytes = new byte[varint.length + 1];
    System.arraycopy(varint, 0, bytes, 1, varint.length);
    return new FilecoinAddress(bytes);
  }

  /**
   * Reads a binary address, checking it as go-address does.
   *
   * @param bytes the protocol byte and payload
   * @return the address
   * @throws IllegalArgumentException naming what is wrong (Go's texts)
   */
  public static FilecoinAddress fromBytes(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("cbor input should not contain empty addresses");
    }
    if (bytes.length > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException("too many bytes to unmarshal for an address");
    }
    if (bytes.length == 1) {
      throw new IllegalArgumentException("invalid address length");
    }
    Protocol protocol = protocolOf(bytes[0] & 0xff);
    if (protocol == Protocol.ID) {
      checkIdPayload(bytes);
    } else if (bytes.length - 1 != protocol.payloadLength) {
      throw new IllegalArgumentException("invalid address payload");
    }
    return new FilecoinAddress(bytes.clone());
  }

  /** Returns the protocol. */
  public Protocol protocol() {
    return protocolOf(bytes[0] & 0xff);
  }

  /** Returns the payload after the protocol byte. */
  public byte[] payload() {
    return Arrays.copyOfRange(bytes, 1, bytes.length);
  }

  /** Returns the binary form: protocol byte and payload. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FilecoinAddress that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns {@code f0<id>} for ID addresses, else the protocol and the payload in hex. */
  @Override
  public String toString() {
    if (protocol() == Protocol.ID) {
      return "f0" + Long.toUnsignedString(Varint.read(ByteBuffer.wrap(bytes, 1, bytes.length - 1)));
    }
    return protocol().name().toLowerCase(Locale.ROOT)
        + ":"
        + HexFormat.of().formatHex(bytes, 1, bytes.length);
  }

  private static Protocol protocolOf(int code) {
    for (Protocol protocol : Protocol.values()) {
      if (protocol.code == code) {
        return protocol;
      }
    }
    throw new IllegalArgumentException("unknown address protocol");
  }

  private static void checkIdPayload(byte[] bytes) {
    ByteBuffer payload = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    try {
      Varint.read(payload);
    } catch (MalformedIpldException e) {
      throw new IllegalArgumentException("invalid address payload: " + e.getMessage(), e);
    }
    if (payload.hasRemaining()) {
      throw new IllegalArgumentException("invalid address payload: bytes after the actor ID");
    }
  }
}
