package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.api.VoucherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoucherTypesTest {

  /** One class for a current and a legacy type, as the retrieval proposals have. */
  record Versioned(String typeName, String text) implements Voucher {
    @Override
    public TypeIdentifier type() {
      return TypeIdentifier.of(typeName);
    }
  }

  /** A type that writes its own name and refuses values of the other version. */
  record VersionedType(String name) implements VoucherType<Versioned> {
    @Override
    public TypeIdentifier identifier() {
      return TypeIdentifier.of(name);
    }

    @Override
    public Class<Versioned> javaType() {
      return Versioned.class;
    }

    @Override
    public byte[] encode(Versioned value) {
      if (!value.type().equals(identifier())) {
        throw new IllegalArgumentException(value.type() + " cannot be encoded as " + name);
      }
      return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Versioned decode(byte[] cbor) {
      return new Versioned(name, "");
    }
  }

  @Test
  void valueIsEncodedByTheTypeOfItsIdentifierWhenTypesShareAClass() {
    VoucherTypes types =
        new VoucherTypes(List.of(new VersionedType("Proposal"), new VersionedType("Proposal/1")));

    EncodedVoucher current = types.encode(new Versioned("Proposal/1", "x")).orElseThrow();
    EncodedVoucher legacy = types.encode(new Versioned("Proposal", "x")).orElseThrow();

    assertThat(new String(current.cbor(), StandardCharsets.UTF_8)).isEqualTo("Proposal/1");
    assertThat(new String(legacy.cbor(), StandardCharsets.UTF_8)).isEqualTo("Proposal");
    assertThat(types.encode(new Versioned("Unknown", "x"))).isEmpty();
  }
}
