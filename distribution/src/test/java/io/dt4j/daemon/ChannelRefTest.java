package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRefTest {
  private static final PeerId SELF = peer();
  private static final PeerId ALICE = peer();
  private static final PeerId BOB = peer();

  private static final ChannelId MINE_1 = new ChannelId(SELF, ALICE, new TransferId(1));
  private static final ChannelId THEIRS_1 = new ChannelId(BOB, SELF, new TransferId(1));
  private static final ChannelId MINE_7 = new ChannelId(SELF, BOB, new TransferId(7));
  private static final List<ChannelId> KNOWN = List.of(MINE_1, THEIRS_1, MINE_7);

  @Test
  void fullChannelIdAsLogsPrintIt() {
    assertThat(ChannelRef.resolve(THEIRS_1.toString(), KNOWN)).isEqualTo(THEIRS_1);
  }

  @Test
  void bareTransferIdThatOneChannelHas() {
    assertThat(ChannelRef.resolve("7", KNOWN)).isEqualTo(MINE_7);
  }

  @Test
  void bareTransferIdThatTwoChannelsHaveListsBoth() {
    assertThatThrownBy(() -> ChannelRef.resolve("1", KNOWN))
        .isInstanceOfSatisfying(
            AmbiguousChannelException.class,
            e -> assertThat(e.candidates()).containsExactlyInAnyOrder(MINE_1, THEIRS_1))
        .hasMessageContaining("'1' matches 2 channels");
  }

  @Test
  void uniquePrefixOfTheFullId() {
    String prefix = BOB.toString();

    assertThat(ChannelRef.resolve(prefix, KNOWN)).isEqualTo(THEIRS_1);
  }

  @Test
  void prefixOfSeveralIsAmbiguous() {
    assertThatThrownBy(() -> ChannelRef.resolve(SELF + "-", KNOWN))
        .isInstanceOf(AmbiguousChannelException.class);
  }

  @Test
  void nothingMatchesIsNotFound() {
    assertThatThrownBy(() -> ChannelRef.resolve("99", KNOWN))
        .isInstanceOf(UnknownChannelException.class)
        .hasMessage("no channel matches '99' (see 'dt4j channels --all')");
    assertThatThrownBy(() -> ChannelRef.resolve(" ", KNOWN))
        .isInstanceOf(UnknownChannelException.class);
  }

  @Test
  void lotusTupleNamesTheChannelFromThisNodesSide() {
    assertThat(ChannelRef.of(SELF, new TransferId(1), ALICE, true)).isEqualTo(MINE_1);
    assertThat(ChannelRef.of(SELF, new TransferId(1), BOB, false)).isEqualTo(THEIRS_1);
  }

  private static PeerId peer() {
    return Ed25519PrivKey.generate(new SecureRandom()).publicKey().peerId();
  }
}
