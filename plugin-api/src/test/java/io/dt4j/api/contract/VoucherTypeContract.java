package io.dt4j.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dt4j.api.Registerable;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherResult;
import io.dt4j.api.VoucherType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link VoucherType} must keep, as a test to extend: a plugin's test class
 * extends it, names the type and a few sample values, and inherits the checks. Shipped in the
 * {@code dt4j-plugin-api} test-jar.
 *
 * <pre>{@code
 * class MyVoucherTypeTest extends VoucherTypeContract<MyVoucher> {
 *   protected VoucherType<MyVoucher> voucherType() { return new MyVoucherType(); }
 *   protected List<MyVoucher> samples() { return List.of(new MyVoucher("deal-1", 10)); }
 * }
 * }</pre>
 *
 * @param <T> the values' Java type
 */
public abstract class VoucherTypeContract<T extends Registerable> {

  /** Returns the type under test. */
  protected abstract VoucherType<T> voucherType();

  /** Returns sample values: at least one, covering edge cases (empty strings, zero, maximums). */
  protected abstract List<T> samples();

  @Test
  void identifierIsNamedAndJavaTypeIsAVoucherOrAResult() {
    VoucherType<T> type = voucherType();

    assertThat(type.identifier().value()).isNotBlank();
    assertThat(
            Voucher.class.isAssignableFrom(type.javaType())
                || VoucherResult.class.isAssignableFrom(type.javaType()))
        .as("%s implements Voucher or VoucherResult", type.javaType())
        .isTrue();
  }

  @Test
  void samplesCarryThisTypesIdentifier() {
    assertThat(samples()).isNotEmpty();
    for (T sample : samples()) {
      assertThat(sample.type()).isEqualTo(voucherType().identifier());
      assertThat(sample).isInstanceOf(voucherType().javaType());
    }
  }

  @Test
  void samplesRoundTripThroughTheirBytes() throws VoucherDecodingException {
    VoucherType<T> type = voucherType();
    for (T sample : samples()) {
      byte[] bytes = type.encode(sample);
      T decoded = type.decode(bytes);

      assertThat(decoded).isEqualTo(sample);
      assertThat(type.encode(decoded)).as("re-encoding is byte-identical").isEqualTo(bytes);
    }
  }

  @Test
  void malformedBytesAreAVoucherDecodingExceptionNeverAnotherError() {
    for (byte[] bad : malformedInputs()) {
      Throwable thrown = catchThrowable(() -> voucherType().decode(bad));
      if (thrown != null) {
        assertThat(thrown)
            .as("decoding %s", Arrays.toString(bad))
            .isInstanceOf(VoucherDecodingException.class);
        assertThat(thrown.getMessage()).isNotBlank();
      }
    }
  }

  /** Empty input, single bytes, truncations and bit flips of the samples, random bytes. */
  private List<byte[]> malformedInputs() {
    List<byte[]> inputs = new ArrayList<>();
    inputs.add(new byte[0]);
    inputs.add(new byte[] {(byte) 0xff});
    inputs.add(new byte[] {(byte) 0x9f});
    inputs.add(new byte[] {(byte) 0xf7});
    Random random = new Random(42);
    for (T sample : samples()) {
      byte[] good = voucherType().encode(sample);
      for (int cut = 0; cut < good.length; cut++) {
        inputs.add(Arrays.copyOf(good, cut));
      }
      for (int i = 0; i < Math.min(good.length * 8, 256); i++) {
        byte[] flipped = good.clone();
        flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        inputs.add(flipped);
      }
      inputs.add(Arrays.copyOf(good, good.length + 1));
    }
    for (int i = 0; i < 64; i++) {
      byte[] noise = new byte[1 + random.nextInt(64)];
      random.nextBytes(noise);
      inputs.add(noise);
    }
    return inputs;
  }
}
