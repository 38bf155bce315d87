package io.dt4j.vouchers.filecoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;

class TokenAmountProperties {

  @Property
  void theWireFormRoundTripsAndIsCanonical(
      @ForAll @BigRange(min = "-1e300", max = "1e300") BigInteger attoFil) {
    TokenAmount amount = new TokenAmount(attoFil);
    byte[] wire = amount.toBytes();

    assertThat(TokenAmount.fromBytes(wire)).isEqualTo(amount);
    if (attoFil.signum() == 0) {
      assertThat(wire).isEmpty();
    } else {
      assertThat(wire[0]).isEqualTo((byte) (attoFil.signum() < 0 ? 1 : 0));
      assertThat(wire.length == 1 || wire[1] != 0).as("no leading zero byte").isTrue();
    }
  }

  @Property
  void addingAndSubtractingAreInverse(@ForAll long a, @ForAll long b) {
    TokenAmount x = TokenAmount.of(a);
    TokenAmount y = TokenAmount.of(b);

    assertThat(x.add(y).subtract(y)).isEqualTo(x);
  }
}
