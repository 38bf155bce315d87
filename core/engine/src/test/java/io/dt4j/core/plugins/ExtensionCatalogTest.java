package io.dt4j.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionCatalogTest {
  private static final ExtensionSource FIRST = new ExtensionSource("a", "1.0.0", Path.of("a.jar"));
  private static final ExtensionSource SECOND = new ExtensionSource("b", "2.0.0", Path.of("b.jar"));

  record NamedVoucher(String name) implements Voucher {
    @Override
    public TypeIdentifier type() {
      return TypeIdentifier.of(name);
    }
  }

  /** A voucher type whose identifier is chosen by its subclass. */
  abstract static class NamedVoucherType implements VoucherType<NamedVoucher> {
    private final String name;

    NamedVoucherType(String name) {
      this.name = name;
    }

    @Override
    public TypeIdentifier identifier() {
      return TypeIdentifier.of(name);
    }

    @Override
    public Class<NamedVoucher> javaType() {
      return NamedVoucher.class;
    }

    @Override
    public byte[] encode(NamedVoucher value) {
      return new byte[0];
    }

    @Override
    public NamedVoucher decode(byte[] cbor) {
      return new NamedVoucher(name);
    }
  }

  /** The same class from two sources, as when a plugin jar is also on the class path. */
  static final class OtherVoucherType extends NamedVoucherType {
    OtherVoucherType() {
      super("other");
    }
  }

  @Test
  void secondContributionOfAVoucherTypeIdIsAnErrorNamingBothAndTheFirstWins() {
    List<PluginLoadError> errors = new ArrayList<>();
    ExtensionCatalog catalog = new ExtensionCatalog(errors);

    catalog.add(new ExtensionCandidate(new XType(), FIRST));
    catalog.add(new ExtensionCandidate(new YType(), FIRST));
    catalog.add(new ExtensionCandidate(new OtherXType(), SECOND));

    assertThat(catalog.extensions())
        .extracting(DiscoveredExtension::id, e -> e.source().pluginId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x", "a"),
            org.assertj.core.groups.Tuple.tuple("y", "a"));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.file()).isEqualTo(Path.of("b.jar"));
              assertThat(e.reason())
                  .contains("voucher-type 'x'", "a.jar", "b.jar", "first one is used");
            });
  }

  @Test
  void sameExtensionClassFromTwoSourcesIsAnError() {
    List<PluginLoadError> errors = new ArrayList<>();
    ExtensionCatalog catalog = new ExtensionCatalog(errors);

    catalog.add(new ExtensionCandidate(new OtherVoucherType(), FIRST));
    catalog.add(new ExtensionCandidate(new OtherVoucherType(), SECOND));

    assertThat(catalog.extensions()).hasSize(1);
    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("extension class", "contributed twice"));
  }

  static final class XType extends NamedVoucherType {
    XType() {
      super("x");
    }
  }

  static final class YType extends NamedVoucherType {
    YType() {
      super("y");
    }
  }

  /** A different class claiming the identifier {@link XType} claims. */
  static final class OtherXType extends NamedVoucherType {
    OtherXType() {
      super("x");
    }
  }
}
