package io.dt4j.libp2p.noise;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.PubKey;
import java.util.List;

/**
 * The result of a finished, verified Noise handshake.
 *
 * @param remotePeer the verified remote peer id
 * @param remoteKey the remote identity key
 * @param remoteStreamMuxers the muxers the remote listed in {@code stream_muxers}, for logs only:
 *     this node never sends its own list, so muxers are always negotiated by multistream (libp2p.md
 *     §4.7)
 */
public record NoiseSession(PeerId remotePeer, PubKey remoteKey, List<String> remoteStreamMuxers) {}
