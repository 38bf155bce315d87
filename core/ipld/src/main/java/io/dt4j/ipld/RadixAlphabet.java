package io.dt4j.ipld;

import java.util.Arrays;

/**
 * Big-number base conversion with a custom alphabet, as base58btc and base36 use it: the input is
 * one big-endian number, and each leading zero byte becomes one leading "zero" character.
 */
final class RadixAlphabet {
  private final String name;
  private final char[] digits;
  private final int[] values = new int[128];

  RadixAlphabet(String name, String alphabet) {
    this.name = name;
    this.digits = alphabet.toCharArray();
    Arrays.fill(values, -1);
    for (int i = 0; i < digits.length; i++) {
      values[digits[i]] = i;
    }
  }

  String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    int radix = digits.length;
    // Little-endian digits of the number, grown as needed (schoolbook base conversion).
    byte[] out = new byte[data.length * 2 + 1];
    int used = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xff;
      for (int j = 0; j < used; j++) {
        carry += (out[j] & 0xff) << 8;
        out[j] = (byte) (carry % radix);
        carry /= radix;
      }
      while (carry > 0) {
        out[used++] = (byte) (carry % radix);
        carry /= radix;
      }
    }
    StringBuilder text = new StringBuilder(zeros + used);
    for (int i = 0; i < zeros; i++) {
      text.append(digits[0]);
    }
    for (int j = used - 1; j >= 0; j--) {
      text.append(digits[out[j]]);
    }
    return text.toString();
  }

  /** Decodes {@code text} from index {@code start}; error indices count from the start of text. */
  byte[] decode(String text, int start) {
    int zeros = start;
    while (zeros < text.length() && text.charAt(zeros) == digits[0]) {
      zeros++;
    }
    int radix = digits.length;
    byte[] out = new byte[text.length()];
    int used = 0;
    for (int i = zeros; i < text.length(); i++) {
      char c = text.charAt(i);
      int carry = c < 128 ? values[c] : -1;
      if (carry < 0) {
        throw new MalformedIpldException(
            "invalid " + name + " character '" + c + "' at index " + i);
      }
      for (int j = 0; j < used; j++) {
        carry += (out[j] & 0xff) * radix;
        out[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        out[used++] = (byte) carry;
        carry >>>= 8;
      }
    }
    zeros -= start;
    byte[] result = new byte[zeros + used];
    for (int j = 0; j < used; j++) {
      result[zeros + j] = out[used - 1 - j];
    }
    return result;
  }
}
