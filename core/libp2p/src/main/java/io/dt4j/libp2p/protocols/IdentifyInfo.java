package io.dt4j.libp2p.protocols;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.PubKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.util.List;
import java.util.Optional;

/**
 * What a peer told about itself in identify, after its key was checked against its peer id.
 *
 * @param peer the peer
 * @param publicKey its identity key
 * @param listenAddrs its listen addresses
 * @param protocols the protocols it handles
 * @param observedAddr this node's address as the peer sees it
 * @param protocolVersion e.g. {@code ipfs/0.1.0}
 * @param agentVersion e.g. {@code js-libp2p/3.3.11}
 */
public record IdentifyInfo(
    PeerId peer,
    PubKey publicKey,
    List<Multiaddr> listenAddrs,
    List<String> protocols,
    Optional<Multiaddr> observedAddr,
    Optional<String> protocolVersion,
    Optional<String> agentVersion) {

  /** Copies the lists. */
  public IdentifyInfo {
    listenAddrs = List.copyOf(listenAddrs);
    protocols = List.copyOf(protocols);
  }
}
