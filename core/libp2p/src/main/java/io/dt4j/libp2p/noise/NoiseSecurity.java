package io.dt4j.libp2p.noise;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.PrivKey;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Secures a channel with Noise ({@code /noise}, libp2p.md §4): installs a {@link NoiseFrameDecoder}
 * and a {@link NoiseHandshakeHandler} at the tail of the pipeline. Call on the event loop.
 */
public final class NoiseSecurity {
  /** The multistream protocol id. */
  public static final String PROTOCOL_ID = "/noise";

  private final PrivKey identity;
  private final NoiseCipherSuite suite;
  private final SecureRandom random;

  /**
   * Creates the security protocol for a node.
   *
   * @param identity the node's identity key
   * @param suite the cipher implementation
   * @param random randomness for static and ephemeral keys
   */
  public NoiseSecurity(PrivKey identity, NoiseCipherSuite suite, SecureRandom random) {
    this.identity = identity;
    this.suite = suite;
    this.random = random;
  }

  /** Returns the cipher implementation in use. */
  public NoiseCipherSuite suite() {
    return suite;
  }

  /**
   * Starts the handshake.
   *
   * @param pipeline the pipeline, whose tail receives the raw bytes after {@code /noise} was agreed
   * @param initiator whether this side dialed the connection
   * @param expectedPeer the dialed peer, if known; a different remote fails the handshake
   * @param installer installs the next stage once the remote is verified
   * @return completes with the verified session, or fails with {@link NoiseException}
   */
  public Future<NoiseSession> secure(
      ChannelPipeline pipeline,
      boolean initiator,
      Optional<PeerId> expectedPeer,
      NoiseSessionInstaller installer) {
    Promise<NoiseSession> result = pipeline.channel().eventLoop().newPromise();
    NoiseHandshake handshake = new NoiseHandshake(initiator, identity, expectedPeer, suite, random);
    pipeline.addLast(
        new NoiseFrameDecoder(), new NoiseHandshakeHandler(handshake, installer, result));
    return result;
  }
}
