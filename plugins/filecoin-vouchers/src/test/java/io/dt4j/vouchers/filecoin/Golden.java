package io.dt4j.vouchers.filecoin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.Registerable;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import java.util.HexFormat;

/** Checks a codec against a golden vector both ways. */
public final class Golden {
  private Golden() {}

  /**
   * Asserts that the vector decodes to the value and that the value encodes to the vector.
   *
   * @param type the codec
   * @param hex the golden bytes
   * @param value what they mean
   * @param <T> the values' type
   */
  public static <T extends Registerable> void assertVector(VoucherType<T> type, String hex, T value)
      throws VoucherDecodingException {
    assertThat(type.decode(HexFormat.of().parseHex(hex))).isEqualTo(value);
    assertThat(HexFormat.of().formatHex(type.encode(value))).isEqualTo(hex);
  }
}
