package io.dt4j.vouchers.filecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FilecoinValuesTest {

  @Test
  void tokenAmountsReadGosNonCanonicalFormsAndRejectBadSignBytes() {
    assertThat(TokenAmount.fromBytes(new byte[] {0})).isEqualTo(TokenAmount.ZERO);
    assertThat(TokenAmount.fromBytes(new byte[] {0, 0, 5})).isEqualTo(TokenAmount.of(5));
    assertThat(TokenAmount.fromBytes(new byte[] {1, 4, (byte) 0xbe}))
        .isEqualTo(TokenAmount.of(-1214));
    assertThatThrownBy(() -> TokenAmount.fromBytes(new byte[] {2, 1}))
        .hasMessage("big int prefix should be either 0 or 1, got 2");
    assertThatThrownBy(() -> new TokenAmount(BigInteger.TWO.pow(127 * 8)))
        .hasMessageStartingWith("token amount does not fit in 128 bytes");
  }

  @Test
  void addressesAreCheckedAsGoAddressDoes() {
    assertThat(FilecoinAddress.id(1000).toBytes()).isEqualTo(HexFormat.of().parseHex("00e807"));
    assertThat(FilecoinAddress.id(1000)).hasToString("f01000");
    assertThat(FilecoinAddress.fromBytes(HexFormat.of().parseHex(GoVectors.GO_ADDRESS)).protocol())
        .isEqualTo(FilecoinAddress.Protocol.ACTOR);
    assertThatThrownBy(() -> FilecoinAddress.fromBytes(new byte[] {0}))
        .hasMessage("invalid address length");
    assertThatThrownBy(() -> FilecoinAddress.fromBytes(HexFormat.of().parseHex("00e80700")))
        .hasMessageStartingWith("invalid address payload");
    assertThatThrownBy(() -> FilecoinAddress.fromBytes(HexFormat.of().parseHex("00e88000")))
        .hasMessageStartingWith("invalid address payload");
    assertThatThrownBy(() -> FilecoinAddress.fromBytes(HexFormat.of().parseHex("030102")))
        .hasMessage("invalid address payload");
    assertThatThrownBy(() -> FilecoinAddress.fromBytes(HexFormat.of().parseHex("0401")))
        .hasMessage("unknown address protocol");
  }

  @Test
  void signaturesCarryTheirTypeByte() {
    Signature bls = new Signature(Signature.Type.BLS, ByteString.ofHex("aabb"));

    assertThat(bls.toBytes()).isEqualTo(HexFormat.of().parseHex("02aabb"));
    assertThat(Signature.fromBytes(bls.toBytes())).isEqualTo(bls);
    assertThatThrownBy(() -> Signature.fromBytes(new byte[0])).hasMessage("string empty");
  }
}
