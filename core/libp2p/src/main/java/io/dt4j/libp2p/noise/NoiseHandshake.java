package io.dt4j.libp2p.noise;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.MalformedKeyException;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.crypto.PubKey;
import io.dt4j.libp2p.noise.NoiseException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code Noise_XX_25519_ChaChaPoly_SHA256} handshake with libp2p's payload (libp2p.md §4.5), as
 * a pure state machine over whole messages (no framing, no I/O):
 *
 * <pre>
 *   1  I→R  e                   e.pub(32) ‖ payload (empty)
 *   2  R→I  e, ee, s, es        e.pub(32) ‖ enc(s.pub)(48) ‖ enc(payload)(len+16)
 *   3  I→R  s, se               enc(s.pub)(48) ‖ enc(payload)(len+16)
 * </pre>
 *
 * The prologue is empty. The static key is a fresh X25519 key, never the identity key; the payload
 * binds it to the identity with a signature over {@code "noise-libp2p-static-key:" ‖ s.pub}. No
 * {@code stream_muxers} are sent, so peers fall back to multistream muxer negotiation (§4.7).
 */
public final class NoiseHandshake {
  static final byte[] SIGNATURE_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
  private static final int DH = X25519.KEY_LENGTH;
  private static final int TAG = CipherState.TAG_LENGTH;

  private final boolean initiator;
  private final PrivKey identity;
  private final Optional<PeerId> expectedPeer;
  private final SecureRandom random;
  private final SymmetricState state;
  private final X25519.KeyPair staticKey;
  private X25519.KeyPair ephemeral;
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
  private NoiseSession session;
  private UnaryOperator<byte[]> payloadFilter = UnaryOperator.identity();

  /**
   * Creates a handshake with a fresh static key.
   *
   * @param initiator whether this side dialed
   * @param identity the local identity key, which signs the static key
   * @param expectedPeer the peer that was dialed, if known: anyone else fails the handshake
   * @param suite the cipher implementation
   * @param random randomness for the static and ephemeral keys
   */
  public NoiseHandshake(
      boolean initiator,
      PrivKey identity,
      Optional<PeerId> expectedPeer,
      NoiseCipherSuite suite,
      SecureRandom random) {
    this(initiator, identity, expectedPeer, suite, random, X25519.generate(random));
  }

  NoiseHandshake(
      boolean initiator,
      PrivKey identity,
      Optional<PeerId> expectedPeer,
      NoiseCipherSuite suite,
      SecureRandom random,
      X25519.KeyPair staticKey) {
    this.initiator = initiator;
    this.identity = identity;
    this.expectedPeer = expectedPeer;
    this.random = random;
    this.staticKey = staticKey;
    this.state = new SymmetricState(suite);
    state.mixHash(new byte[0]); // empty prologue
  }

  /** Returns whether this side is the initiator. */
  public boolean isInitiator() {
    return initiator;
  }

  /** Initiator: message 1. */
  public byte[] writeMessage1() throws NoiseException {
    requireRole(true);
    ephemeral = X25519.generate(random);
    state.mixHash(ephemeral.publicKey());
    byte[] payload = state.encryptAndHash(new byte[0]);
    return concat(ephemeral.publicKey(), payload);
  }

  /** Responder: reads message 1; any payload is hashed and ignored. */
  public void readMessage1(byte[] message) throws NoiseException {
    requireRole(false);
    requireLength(message, DH, 1);
    remoteEphemeral = Arrays.copyOf(message, DH);
    state.mixHash(remoteEphemeral);
    state.decryptAndHash(Arrays.copyOfRange(message, DH, message.length));
  }

  /** Responder: message 2, carrying this side's identity. */
  public byte[] writeMessage2() throws NoiseException {
    requireRole(false);
    ephemeral = X25519.generate(random);
    state.mixHash(ephemeral.publicKey());
    state.mixKey(X25519.agree(ephemeral.privateKey(), remoteEphemeral)); // ee
    byte[] encryptedStatic = state.encryptAndHash(staticKey.publicKey());
    state.mixKey(X25519.agree(staticKey.privateKey(), remoteEphemeral)); // es
    byte[] payload = state.encryptAndHash(localPayload());
    return concat(concat(ephemeral.publicKey(), encryptedStatic), payload);
  }

  /** Initiator: reads and verifies message 2. */
  public void readMessage2(byte[] message) throws NoiseException {
    requireRole(true);
    requireLength(message, DH + DH + TAG + TAG, 2);
    remoteEphemeral = Arrays.copyOf(message, DH);
    state.mixHash(remoteEphemeral);
    state.mixKey(X25519.agree(ephemeral.privateKey(), remoteEphemeral)); // ee
    remoteStatic = state.decryptAndHash(Arrays.copyOfRange(message, DH, DH + DH + TAG));
    state.mixKey(X25519.agree(ephemeral.privateKey(), remoteStatic)); // es
    byte[] payload =
        state.decryptAndHash(Arrays.copyOfRange(message, DH + DH + TAG, message.length));
    session = verify(payload);
  }

  /** Initiator: message 3, carrying this side's identity. */
  public byte[] writeMessage3() throws NoiseException {
    requireRole(true);
    byte[] encryptedStatic = state.encryptAndHash(staticKey.publicKey());
    state.mixKey(X25519.agree(staticKey.privateKey(), remoteEphemeral)); // se
    byte[] payload = state.encryptAndHash(localPayload());
    return concat(encryptedStatic, payload);
  }

  /** Responder: reads and verifies message 3. */
  public void readMessage3(byte[] message) throws NoiseException {
    requireRole(false);
    requireLength(message, DH + TAG + TAG, 3);
    remoteStatic = state.decryptAndHash(Arrays.copyOf(message, DH + TAG));
    state.mixKey(X25519.agree(ephemeral.privateKey(), remoteStatic)); // se
    byte[] payload = state.decryptAndHash(Arrays.copyOfRange(message, DH + TAG, message.length));
    session = verify(payload);
  }

  /** Returns the verified remote, once its payload was read. */
  public Optional<NoiseSession> session() {
    return Optional.ofNullable(session);
  }

  /** Returns the transport ciphers {send, receive}; call after message 3. */
  CipherState[] split() throws NoiseException {
    CipherState[] ciphers = state.split();
    return initiator ? ciphers : new CipherState[] {ciphers[1], ciphers[0]};
  }

  byte[] handshakeHash() {
    return state.handshakeHash();
  }

  byte[] localPayload() {
    byte[] signature = identity.sign(concat(SIGNATURE_PREFIX, staticKey.publicKey()));
    return payloadFilter.apply(
        new NoiseHandshakePayload(identity.publicKey().toProtobuf(), signature, List.of())
            .encode());
  }

  /** Test seam: rewrites the payload this side sends (to play a misbehaving peer). */
  void payloadFilter(UnaryOperator<byte[]> filter) {
    this.payloadFilter = filter;
  }

  byte[] staticPublicKey() {
    return staticKey.publicKey().clone();
  }

  private NoiseSession verify(byte[] payloadBytes) throws NoiseException {
    NoiseHandshakePayload payload = NoiseHandshakePayload.decode(payloadBytes);
    if (payload.identityKey().length == 0) {
      throw new NoiseException(Reason.BAD_IDENTITY_KEY, "remote sent no identity key");
    }
    PubKey remoteKey;
    try {
      remoteKey = PubKey.fromProtobuf(payload.identityKey());
    } catch (MalformedKeyException e) {
      throw new NoiseException(
          Reason.BAD_IDENTITY_KEY, "remote identity key rejected: " + e.getMessage(), e);
    }
    if (!remoteKey.verify(concat(SIGNATURE_PREFIX, remoteStatic), payload.identitySig())) {
      throw new NoiseException(
          Reason.BAD_SIGNATURE,
          "remote "
              + remoteKey.peerId()
              + " did not sign its Noise static key with its identity key");
    }
    PeerId remotePeer = remoteKey.peerId();
    if (expectedPeer.isPresent() && !expectedPeer.get().equals(remotePeer)) {
      throw new NoiseException(
          Reason.PEER_ID_MISMATCH,
          "dialed " + expectedPeer.get() + " but the remote is " + remotePeer);
    }
    return new NoiseSession(remotePeer, remoteKey, payload.streamMuxers());
  }

  private void requireRole(boolean asInitiator) {
    if (initiator != asInitiator) {
      throw new IllegalStateException(
          "this handshake step belongs to the " + (asInitiator ? "initiator" : "responder"));
    }
  }

  private static void requireLength(byte[] message, int min, int number) throws NoiseException {
    if (message.length < min) {
      throw new NoiseException(
          Reason.MALFORMED_MESSAGE,
          "Noise handshake message "
              + number
              + " has "
              + message.length
              + " bytes, at least "
              + min
              + " expected");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
