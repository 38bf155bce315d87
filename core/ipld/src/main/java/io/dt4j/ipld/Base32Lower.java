package io.dt4j.ipld;

/** RFC 4648 base32 with the lower-case alphabet and no padding, as multibase 'b' uses it. */
final class Base32Lower {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private Base32Lower() {}

  static String encode(byte[] data) {
    StringBuilder text = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        text.append(ALPHABET.charAt((buffer >>> bits) & 0x1f));
      }
    }
    if (bits > 0) {
      text.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return text.toString();
  }

  /** Decodes {@code text} from index {@code start}; error indices count from the start of text. */
  static byte[] decode(String text, int start) {
    int length = text.length() - start;
    int remainder = length % 8;
    if (remainder == 1 || remainder == 3 || remainder == 6) {
      throw new MalformedIpldException(
          "base32 text of length " + length + " cannot be a whole number of bytes");
    }
    byte[] out = new byte[length * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int written = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new MalformedIpldException("invalid base32 character '" + c + "' at index " + i);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[written++] = (byte) (buffer >>> bits);
      }
    }
    // Leftover bits must be zero, so each byte string has exactly one encoding.
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new MalformedIpldException(
          "base32 text has non-zero padding bits in its last character at index "
              + (text.length() - 1));
    }
    return out;
  }
}
