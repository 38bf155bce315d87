package io.dt4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChannelIdTest {
  private static final PeerId ALICE = peer("alice");
  private static final PeerId BOB = peer("bob");

  static PeerId peer(String seed) {
    return PeerId.fromBytes(Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  @Test
  void textFormIsInitiatorResponderAndUnsignedIdAndParsesBack() {
    ChannelId id = new ChannelId(ALICE, BOB, new TransferId(-1));

    assertThat(id.toString())
        .isEqualTo(ALICE.toBase58() + "-" + BOB.toBase58() + "-18446744073709551615");
    assertThat(ChannelId.parse(id.toString())).isEqualTo(id);
  }

  @Test
  void otherPartyIsTheResponderForTheInitiatorAndViceVersa() {
    ChannelId id = new ChannelId(ALICE, BOB, new TransferId(7));

    assertThat(id.otherParty(ALICE)).isEqualTo(BOB);
    assertThat(id.otherParty(BOB)).isEqualTo(ALICE);
  }

  @Test
  void peerIdParsesBase58AndLibp2pKeyCidForms() {
    assertThat(PeerId.parse(ALICE.toBase58())).isEqualTo(ALICE);
    assertThat(PeerId.parse(ALICE.toCid().toString())).isEqualTo(ALICE);
    assertThat(ALICE.toCid().codec()).isEqualTo(Multicodec.LIBP2P_KEY);
  }

  @Test
  void malformedTextIsRejectedNamingTheInput() {
    assertThatThrownBy(() -> ChannelId.parse("nope")).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> PeerId.parse("Qm0OIl")).hasMessageContaining("Qm0OIl");
    assertThatThrownBy(() -> TransferId.parse("-3")).hasMessageContaining("-3");
  }

  @Test
  void transferIdsCompareUnsigned() {
    assertThat(new TransferId(-1)).isGreaterThan(new TransferId(1));
  }
}
