package io.dt4j.ipld;

/**
 * The multibase encodings dt4j reads and writes. A multibase string is a prefix character naming
 * the encoding followed by the encoded bytes; CIDv0 and peer ids use raw base58btc without prefix.
 */
public enum Multibase {
  /** Bitcoin base58 ({@code z}), the CIDv0 and peer id alphabet. */
  BASE58BTC('z', new RadixAlphabet("base58btc", Alphabets.BASE58)),
  /** RFC 4648 base32, lower case, no padding ({@code b}); the CIDv1 default. */
  BASE32('b', null),
  /** Base36, lower case ({@code k}); used for IPNS keys. */
  BASE36('k', new RadixAlphabet("base36", Alphabets.BASE36));

  private final char prefix;
  private final RadixAlphabet radix;

  Multibase(char prefix, RadixAlphabet radix) {
    this.prefix = prefix;
    this.radix = radix;
  }

  /**
   * Returns the prefix character that names this encoding.
   *
   * @return the multibase prefix
   */
  public char prefix() {
    return prefix;
  }

  /**
   * Encodes bytes as a multibase string, prefix included.
   *
   * @param data the bytes
   * @return the prefix character followed by the encoded bytes
   */
  public String encode(byte[] data) {
    return prefix + encodeRaw(data);
  }

  /**
   * Encodes bytes without the multibase prefix.
   *
   * @param data the bytes
   * @return the encoded text
   */
  public String encodeRaw(byte[] data) {
    return radix == null ? Base32Lower.encode(data) : radix.encode(data);
  }

  /**
   * Decodes text without a multibase prefix.
   *
   * @param text the encoded text
   * @return the bytes
   * @throws MalformedIpldException naming the first bad character and its index
   */
  public byte[] decodeRaw(String text) {
    return decodeFrom(text, 0);
  }

  private byte[] decodeFrom(String text, int start) {
    return radix == null ? Base32Lower.decode(text, start) : radix.decode(text, start);
  }

  /**
   * Decodes a multibase string, choosing the encoding by its prefix character.
   *
   * @param multibaseText the prefix character followed by encoded bytes
   * @return the bytes
   * @throws MalformedIpldException if the text is empty, the prefix is unknown, or a character is
   *     invalid (indices in messages count from the start of the whole text, prefix included)
   */
  public static byte[] decode(String multibaseText) {
    if (multibaseText.isEmpty()) {
      throw new MalformedIpldException("empty multibase string");
    }
    char prefix = multibaseText.charAt(0);
    for (Multibase base : values()) {
      if (base.prefix == prefix) {
        return base.decodeFrom(multibaseText, 1);
      }
    }
    throw new MalformedIpldException("unknown multibase prefix '" + prefix + "'");
  }

  /** Alphabets live here because enum constants cannot refer to the enum's own static fields. */
  private static final class Alphabets {
    static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
  }
}
