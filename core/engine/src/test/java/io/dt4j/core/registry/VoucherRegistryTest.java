package io.dt4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.DuplicateRegistrationException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherDecodingException;
import io.dt4j.core.manager.ScriptedRevalidator;
import io.dt4j.core.manager.ScriptedValidator;
import io.dt4j.core.manager.TestVouchers;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.core.plugins.DiscoveredExtension;
import io.dt4j.core.plugins.ExtensionKind;
import io.dt4j.core.plugins.ExtensionSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoucherRegistryTest {
  private final VoucherRegistry registry = new VoucherRegistry();
  private final TestVouchers.VoucherCodec voucherType = new TestVouchers.VoucherCodec();
  private final TestVouchers.ResultCodec resultType = new TestVouchers.ResultCodec();

  @Test
  void aVoucherTypeRegisteredTwiceFailsWithGosText() throws Exception {
    registry.registerVoucherType(voucherType, new ScriptedValidator());

    assertThatThrownBy(() -> registry.registerVoucherType(voucherType, new ScriptedValidator()))
        .isInstanceOf(DuplicateRegistrationException.class)
        .hasMessage("identifier already registered: dt4j/TestVoucher");
  }

  @Test
  void eachRegistryIsItsOwn() throws Exception {
    registry.registerVoucherType(voucherType, new ScriptedValidator());
    registry.registerRevalidator(voucherType, new ScriptedRevalidator());
    registry.registerVoucherResultType(resultType);

    assertThatThrownBy(() -> registry.registerRevalidator(voucherType, new ScriptedRevalidator()))
        .hasMessage("identifier already registered: dt4j/TestVoucher");
    assertThatThrownBy(() -> registry.registerVoucherResultType(resultType))
        .hasMessage("identifier already registered: dt4j/TestResult");
    assertThat(registry.validator(TestVouchers.VOUCHER)).isPresent();
    assertThat(registry.revalidator(TestVouchers.VOUCHER)).isPresent();
  }

  @Test
  void aResultTypeIsNotAVoucherType() {
    assertThatThrownBy(
            () -> registry.registerVoucherResultType((io.dt4j.api.VoucherType) voucherType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("describes vouchers");
  }

  @Test
  void vouchersRoundTripByTheirTypeName() throws Exception {
    registry.registerVoucherType(voucherType, new ScriptedValidator());
    registry.registerVoucherResultType(resultType);

    EncodedVoucher voucher = registry.encode(new TestVoucher("deal-1", 10));
    EncodedVoucher result = registry.encodeResult(new TestResult("ok", 3));

    assertThat(voucher.type()).isEqualTo(TestVouchers.VOUCHER);
    assertThat(registry.decodeForValidation(voucher)).isEqualTo(new TestVoucher("deal-1", 10));
    assertThat(registry.decodeStored(voucher)).isEqualTo(new TestVoucher("deal-1", 10));
    assertThat(registry.decodeResult(result)).isEqualTo(new TestResult("ok", 3));
  }

  @Test
  void unknownTypesAreRefusedWithTheSpecsTexts() {
    EncodedVoucher unknown =
        new EncodedVoucher(TypeIdentifier.of("Nope"), new byte[] {(byte) 0x80});

    assertThatThrownBy(() -> registry.decodeForValidation(unknown))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessage("unknown voucher type: Nope");
    assertThatThrownBy(() -> registry.decodeResult(unknown))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessage("unknown voucher result type: Nope");
    assertThatThrownBy(() -> registry.encode(new TestVoucher("d", 1)))
        .isInstanceOf(UnregisteredVoucherTypeException.class)
        .hasMessageStartingWith("unknown voucher type: dt4j/TestVoucher");
  }

  @Test
  void revalidationDecodesOnlyTypesWithARevalidator() throws Exception {
    registry.registerVoucherType(voucherType, new ScriptedValidator());
    EncodedVoucher voucher = registry.encode(new TestVoucher("deal-1", 10));

    assertThatThrownBy(() -> registry.decodeForRevalidation(voucher))
        .hasMessage("unknown voucher type: dt4j/TestVoucher");
  }

  @Test
  void aTypeKnownForEncodingOnlyStillDecodesStoredVouchers() throws Exception {
    registry.registerVoucherCodec(voucherType);
    EncodedVoucher voucher = registry.encode(new TestVoucher("deal-2", 1));

    assertThat(registry.decodeStored(voucher)).isEqualTo(new TestVoucher("deal-2", 1));
    assertThatThrownBy(() -> registry.decodeForValidation(voucher))
        .hasMessage("unknown voucher type: dt4j/TestVoucher");
  }

  @Test
  void malformedBytesAreADecodingErrorNamingTheType() throws Exception {
    registry.registerVoucherType(voucherType, new ScriptedValidator());

    assertThatThrownBy(
            () ->
                registry.decodeForValidation(
                    new EncodedVoucher(TestVouchers.VOUCHER, new byte[] {(byte) 0xff})))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessageContaining("dt4j/TestVoucher");
  }

  @Test
  void revalidatorsAreAskedInRegistrationOrderEachOnce() throws Exception {
    ScriptedRevalidator first = new ScriptedRevalidator();
    ScriptedRevalidator second = new ScriptedRevalidator();
    registry.registerRevalidator(voucherType, first);
    registry.registerRevalidator(new OtherVoucherType(), second);
    registry.registerRevalidator(new ThirdVoucherType(), first);

    assertThat(registry.revalidators()).containsExactly(first, second);
  }

  @Test
  void discoveredExtensionsArePairedByVoucherType() {
    ScriptedValidator validator = new ScriptedValidator();
    ScriptedRevalidator revalidator = new ScriptedRevalidator();
    ExtensionSource source = new ExtensionSource("test", "1", Path.of("test.jar"));
    List<DiscoveredExtension> found =
        List.of(
            new DiscoveredExtension(
                ExtensionKind.VOUCHER_TYPE,
                "dt4j/TestVoucher",
                List.of("dt4j/TestVoucher"),
                voucherType,
                source),
            new DiscoveredExtension(
                ExtensionKind.VOUCHER_RESULT_TYPE,
                "dt4j/TestResult",
                List.of("dt4j/TestResult"),
                resultType,
                source),
            new DiscoveredExtension(
                ExtensionKind.REQUEST_VALIDATOR,
                "v",
                List.of("dt4j/TestVoucher"),
                validator,
                source),
            new DiscoveredExtension(
                ExtensionKind.REVALIDATOR,
                "r",
                List.of("dt4j/TestVoucher", "dt4j/Missing"),
                revalidator,
                source));

    List<String> problems = registry.registerDiscovered(found);

    assertThat(registry.validator(TestVouchers.VOUCHER)).containsSame(validator);
    assertThat(registry.revalidator(TestVouchers.VOUCHER)).containsSame(revalidator);
    assertThat(registry.revalidators()).containsExactly(revalidator);
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("revalidator", "dt4j/Missing", "no extension contributes that voucher type");
  }

  /** Another voucher type name with the test codec. */
  private static final class OtherVoucherType extends Renamed {
    OtherVoucherType() {
      super("dt4j/Other");
    }
  }

  /** A third voucher type name with the test codec. */
  private static final class ThirdVoucherType extends Renamed {
    ThirdVoucherType() {
      super("dt4j/Third");
    }
  }

  private abstract static class Renamed implements io.dt4j.api.VoucherType<TestVoucher> {
    private final TypeIdentifier id;

    Renamed(String id) {
      this.id = TypeIdentifier.of(id);
    }

    @Override
    public TypeIdentifier identifier() {
      return id;
    }

    @Override
    public Class<TestVoucher> javaType() {
      return TestVoucher.class;
    }

    @Override
    public byte[] encode(TestVoucher value) {
      return new TestVouchers.VoucherCodec().encode(value);
    }

    @Override
    public TestVoucher decode(byte[] cbor) throws VoucherDecodingException {
      return new TestVouchers.VoucherCodec().decode(cbor);
    }
  }
}
