package io.dt4j.libp2p.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.noise.NoiseException.Reason;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final NoiseCipherSuite SUITE = NoiseCipherSuite.preferred();
  private static final String PAYLOAD_104 =
      "0a24080112203b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da291240fcbecb93be9c3dcaf9e9c6753d1e0771833f422e695edef98a42e761e4520abdea4e869468ddba6a9e4d7b00550175aee84ecd91c1a737b09b02f545680b2907";
  private static final String MUXER_EXTENSION =
      "221c120c2f79616d75782f312e302e30120c2f6d706c65782f362e372e30";

  private final PrivKey alice = Ed25519PrivKey.generate(RANDOM);
  private final PrivKey bob = Ed25519PrivKey.generate(RANDOM);

  /** libp2p.md §10, computed by js-libp2p / @chainsafe/libp2p-noise 17. */
  @Test
  void payloadMatchesTheJsVector() {
    byte[] staticPrivate = new byte[32];
    Arrays.fill(staticPrivate, (byte) 1);
    X25519.KeyPair staticKey = X25519.fromPrivate(staticPrivate);
    assertThat(HEX.formatHex(staticKey.publicKey()))
        .isEqualTo("a4e09292b651c278b9772c569f5fa9bb13d906b46ab68c9df9dc2b4409f8a209");

    NoiseHandshake handshake =
        new NoiseHandshake(
            true,
            Ed25519PrivKey.fromSeed(new byte[32]),
            Optional.empty(),
            SUITE,
            RANDOM,
            staticKey);
    assertThat(HEX.formatHex(handshake.localPayload())).isEqualTo(PAYLOAD_104);
    assertThat(HEX.formatHex(handshake.handshakeHash()))
        .isEqualTo("f3d15e6108ed9556171207baa58f97d29a13c6be40595166066e2e0958dc002d");
  }

  @Test
  void payloadWithStreamMuxersDecodesAndReencodes() throws Exception {
    NoiseHandshakePayload payload =
        NoiseHandshakePayload.decode(HEX.parseHex(PAYLOAD_104 + MUXER_EXTENSION));
    assertThat(payload.streamMuxers()).containsExactly("/yamux/1.0.0", "/mplex/6.7.0");
    assertThat(HEX.formatHex(payload.encode())).isEqualTo(PAYLOAD_104 + MUXER_EXTENSION);
    assertThat(
            HEX.formatHex(
                new NoiseHandshakePayload(payload.identityKey(), payload.identitySig(), List.of())
                    .encode()))
        .isEqualTo(PAYLOAD_104);
    // unknown fields (3 = old "data", 9 = fixed64) are ignored
    NoiseHandshakePayload withUnknown =
        NoiseHandshakePayload.decode(HEX.parseHex(PAYLOAD_104 + "1a0161" + "490102030405060708"));
    assertThat(withUnknown.identitySig()).isEqualTo(payload.identitySig());
  }

  @Test
  void x25519RawKeysMatchTheX509Encoding() throws Exception {
    X25519.KeyPair pair = X25519.generate(RANDOM);
    byte[] x509 = X25519.jdkPublic(pair.publicKey()).getEncoded();
    assertThat(HEX.formatHex(x509))
        .isEqualTo("302a300506032b656e032100" + HEX.formatHex(pair.publicKey()));
    // top bit of the last byte is masked (RFC 7748 §5)
    byte[] highBit = pair.publicKey().clone();
    highBit[31] |= (byte) 0x80;
    assertThat(X25519.jdkPublic(highBit)).isEqualTo(X25519.jdkPublic(pair.publicKey()));
    // DH agrees both ways
    X25519.KeyPair other = X25519.generate(RANDOM);
    assertThat(X25519.agree(pair.privateKey(), other.publicKey()))
        .isEqualTo(X25519.agree(other.privateKey(), pair.publicKey()));
  }

  @Test
  void lowOrderPointIsRejected() {
    X25519.KeyPair pair = X25519.generate(RANDOM);
    assertThatThrownBy(() -> X25519.agree(pair.privateKey(), new byte[32]))
        .isInstanceOf(NoiseException.class);
  }

  @Test
  void bothSidesLearnEachOtherAndShareTransportKeys() throws Exception {
    NoiseHandshake i = new NoiseHandshake(true, alice, Optional.of(bob.peerId()), SUITE, RANDOM);
    NoiseHandshake r = new NoiseHandshake(false, bob, Optional.empty(), SUITE, RANDOM);
    byte[] m1 = i.writeMessage1();
    assertThat(m1).hasSize(32);
    r.readMessage1(m1);
    byte[] m2 = r.writeMessage2();
    i.readMessage2(m2);
    r.readMessage3(i.writeMessage3());

    assertThat(i.session().orElseThrow().remotePeer()).isEqualTo(bob.peerId());
    assertThat(r.session().orElseThrow().remotePeer()).isEqualTo(alice.peerId());
    assertThat(i.handshakeHash()).isEqualTo(r.handshakeHash());

    CipherState[] ic = i.split();
    CipherState[] rc = r.split();
    assertThat(roundTrip(ic[0], rc[1], "ping")).isEqualTo("ping");
    assertThat(roundTrip(rc[0], ic[1], "pong")).isEqualTo("pong");
  }

  @Test
  void wrongPeerFailsTheInitiator() throws Exception {
    PeerId someoneElse = Ed25519PrivKey.generate(RANDOM).peerId();
    NoiseHandshake i = new NoiseHandshake(true, alice, Optional.of(someoneElse), SUITE, RANDOM);
    NoiseHandshake r = new NoiseHandshake(false, bob, Optional.empty(), SUITE, RANDOM);
    r.readMessage1(i.writeMessage1());
    byte[] m2 = r.writeMessage2();
    assertThatThrownBy(() -> i.readMessage2(m2))
        .isInstanceOfSatisfying(
            NoiseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PEER_ID_MISMATCH))
        .hasMessageContaining("dialed " + someoneElse);
  }

  @Test
  void signatureOverAnotherStaticKeyFails() throws Exception {
    NoiseHandshake i = new NoiseHandshake(true, alice, Optional.empty(), SUITE, RANDOM);
    NoiseHandshake r = new NoiseHandshake(false, bob, Optional.empty(), SUITE, RANDOM);
    r.payloadFilter(NoiseTestPeers.signingAnotherStaticKey(bob));
    r.readMessage1(i.writeMessage1());
    byte[] m2 = r.writeMessage2();
    assertThatThrownBy(() -> i.readMessage2(m2))
        .isInstanceOfSatisfying(
            NoiseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
  }

  @Test
  void unknownKeyTypeFailsTheResponder() throws Exception {
    NoiseHandshake i = new NoiseHandshake(true, alice, Optional.empty(), SUITE, RANDOM);
    NoiseHandshake r = new NoiseHandshake(false, bob, Optional.empty(), SUITE, RANDOM);
    i.payloadFilter(NoiseTestPeers.withKeyType(7));
    r.readMessage1(i.writeMessage1());
    i.readMessage2(r.writeMessage2());
    byte[] m3 = i.writeMessage3();
    assertThatThrownBy(() -> r.readMessage3(m3))
        .isInstanceOfSatisfying(
            NoiseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_IDENTITY_KEY))
        .hasMessageContaining("unknown key type 7");
  }

  @Test
  void tamperedMessageFailsAuthentication() throws Exception {
    NoiseHandshake i = new NoiseHandshake(true, alice, Optional.empty(), SUITE, RANDOM);
    NoiseHandshake r = new NoiseHandshake(false, bob, Optional.empty(), SUITE, RANDOM);
    r.readMessage1(i.writeMessage1());
    byte[] m2 = r.writeMessage2();
    m2[40] ^= 1;
    assertThatThrownBy(() -> i.readMessage2(m2))
        .isInstanceOfSatisfying(
            NoiseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DECRYPTION_FAILED));
  }

  @Test
  void shortMessagesAreMalformed() {
    NoiseHandshake r = new NoiseHandshake(false, bob, Optional.empty(), SUITE, RANDOM);
    assertThatThrownBy(() -> r.readMessage1(new byte[31]))
        .isInstanceOfSatisfying(
            NoiseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_MESSAGE));
  }

  @Test
  void jdkAndConscryptCiphersInteroperateWithLittleEndianNonces() throws Exception {
    NoiseCipherSuite jdk = NoiseCipherSuite.jdk();
    NoiseCipherSuite other = NoiseCipherSuite.conscrypt().orElse(jdk);
    byte[] key = new byte[32];
    key[0] = 42;
    CipherState sender = new CipherState(key, jdk);
    CipherState receiver = new CipherState(key, other);
    sender.nonce(0x0102030405L);
    receiver.nonce(0x0102030405L);
    assertThat(roundTrip(sender, receiver, "hello")).isEqualTo("hello");
    // RFC 8439 style nonce: 4 zero bytes then the counter little-endian
    byte[] ct = new CipherState(key, jdk).encrypt(new byte[0], new byte[0]);
    assertThat(ct).hasSize(16);
  }

  @Test
  void exhaustedNonceIsRefused() throws Exception {
    CipherState cipher = new CipherState(new byte[32], SUITE);
    cipher.nonce(-1L);
    assertThatThrownBy(() -> cipher.encrypt(new byte[0], new byte[1]))
        .isInstanceOfSatisfying(
            NoiseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NONCE_EXHAUSTED));
  }

  @Test
  void providerIsNamed() {
    assertThat(NoiseCipherSuite.jdk().providerName()).isEqualTo("SunJCE");
    assertThat(NoiseCipherSuite.preferred().providerName()).isIn("Conscrypt", "SunJCE");
  }

  private static String roundTrip(CipherState from, CipherState to, String text) throws Exception {
    byte[] plain = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer ct = ByteBuffer.allocate(plain.length + 16);
    from.encrypt(new ByteBuffer[] {ByteBuffer.wrap(plain)}, ct);
    ct.flip();
    ByteBuffer out = ByteBuffer.allocate(plain.length);
    to.decrypt(ct, out);
    return new String(out.array(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
