package io.dt4j.libp2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node restarted on its home still knows where its peers listen ({@link PeerAddressFile}). */
class PeerAddressFileTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path home;

  private static PeerId newPeer() {
    return Ed25519PrivKey.generate(RANDOM).peerId();
  }

  private static Multiaddr tcp(int port) {
    return Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port);
  }

  @Test
  void addressesLearnedBeforeARestartAreKnownAfterIt() {
    Path file = home.resolve("data/peers.txt");
    PeerId provider = newPeer();
    AddressBook before = new AddressBook();
    try (PeerAddressFile kept = PeerAddressFile.attach(file, before, 10, 4)) {
      before.addAddress(provider, tcp(4001).withPeerId(provider));
    }

    AddressBook after = new AddressBook();
    try (PeerAddressFile kept = PeerAddressFile.attach(file, after, 10, 4)) {
      assertThat(after.addresses(provider)).containsExactly(tcp(4001));
    }
  }

  @Test
  void onlyTheMostRecentPeersAndAddressesAreKept() {
    Path file = home.resolve("peers.txt");
    PeerId first = newPeer();
    PeerId second = newPeer();
    PeerId third = newPeer();
    AddressBook before = new AddressBook();
    try (PeerAddressFile kept = PeerAddressFile.attach(file, before, 2, 2)) {
      before.addAddress(first, tcp(1));
      before.addAddress(second, tcp(2));
      before.addAddress(third, tcp(3));
      before.addAddress(third, tcp(4));
      before.addAddress(third, tcp(5));
    }

    AddressBook after = new AddressBook();
    try (PeerAddressFile kept = PeerAddressFile.attach(file, after, 2, 2)) {
      assertThat(after.addresses(first)).isEmpty();
      assertThat(after.addresses(second)).containsExactly(tcp(2));
      assertThat(after.addresses(third)).containsExactly(tcp(4), tcp(5));
    }
  }

  @Test
  void aDamagedLineIsSkippedAndTheRestIsRead() throws Exception {
    Path file = home.resolve("peers.txt");
    PeerId peer = newPeer();
    Files.writeString(file, "not a peer line\n" + peer + " " + tcp(7) + "\n" + peer + " /bad\n");

    AddressBook book = new AddressBook();
    try (PeerAddressFile kept = PeerAddressFile.attach(file, book, 10, 4)) {
      assertThat(book.addresses(peer)).containsExactly(tcp(7));
    }
  }
}
