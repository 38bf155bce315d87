package io.dt4j.api;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multibase;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import java.util.Arrays;

/**
 * The identity of a libp2p peer: the multihash of its public key (identity multihash for small
 * keys, sha2-256 otherwise).
 *
 * <p>The canonical text form is the bare base58btc of the multihash bytes ({@code 12D3KooW...} or
 * {@code Qm...}); {@link #parse(String)} also accepts the CIDv1 form with the {@code libp2p-key}
 * codec. Inside data-transfer CBOR messages the raw multihash bytes are written (see {@link
 * #toBytes()}).
 */
public final class PeerId implements Comparable<PeerId> {
  private final byte[] bytes;

  private PeerId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps the binary form (the multihash bytes).
   *
   * @param multihash the multihash of the peer's public key
   * @return the peer id
   * @throws IllegalArgumentException if the bytes are not one well-formed multihash
   */
  public static PeerId fromBytes(byte[] multihash) {
    try {
      Multihash.fromBytes(multihash);
    } catch (MalformedIpldException e) {
      throw new IllegalArgumentException("invalid peer id bytes: " + e.getMessage(), e);
    }
    return new PeerId(multihash.clone());
  }

  /**
   * Wraps peer-id bytes exactly as another node sent them, without checking that they form a
   * multihash — go-data-transfer does not check either, and its test vectors use one-byte dummy
   * ids. Use it only for values read from messages or stores; {@link #fromBytes} is the checked
   * form.
   *
   * @param bytes the raw peer-id bytes, possibly empty
   * @return the peer id
   */
  public static PeerId fromWireBytes(byte[] bytes) {
    return new PeerId(bytes.clone());
  }

  /**
   * Parses a peer id in base58btc ({@code 12D3KooW...}, {@code Qm...}) or CIDv1 ({@code bafz...},
   * {@code k51...}) form.
   *
   * @param text the peer id text
   * @return the peer id
   * @throws IllegalArgumentException naming the text if it is not a peer id
   */
  public static PeerId parse(String text) {
    try {
      if (text.startsWith("Qm") || text.startsWith("1")) {
        return fromBytes(Multibase.BASE58BTC.decodeRaw(text));
      }
      Cid cid = Cid.parse(text);
      if (cid.codec() != Multicodec.LIBP2P_KEY) {
        throw new IllegalArgumentException(
            "invalid peer id '"
                + text
                + "': a CID peer id must use the libp2p-key codec, not "
                + Multicodec.name(cid.codec()));
      }
      return new PeerId(cid.multihash().toBytes());
    } catch (MalformedIpldException e) {
      throw new IllegalArgumentException("invalid peer id '" + text + "': " + e.getMessage(), e);
    }
  }

  /** Returns a copy of the binary form: the multihash bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Returns the base58btc text form, e.g. {@code 12D3KooW...}. */
  public String toBase58() {
    return Multibase.BASE58BTC.encodeRaw(bytes);
  }

  /** Returns the CIDv1 form with the {@code libp2p-key} codec. */
  public Cid toCid() {
    return Cid.v1(Multicodec.LIBP2P_KEY, Multihash.fromBytes(bytes));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(PeerId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** Returns {@link #toBase58()}. */
  @Override
  public String toString() {
    return toBase58();
  }
}
