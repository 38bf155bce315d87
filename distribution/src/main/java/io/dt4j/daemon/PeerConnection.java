package io.dt4j.daemon;

/**
 * A connected peer, as {@code dt4j peers} and the admin API's {@code NetPeers} show it.
 *
 * @param peerId the peer's id
 * @param address the remote address of the connection
 * @param direction {@code inbound} or {@code outbound}
 * @param muxer the stream muxer's protocol id
 * @param agentVersion the peer's agent from identify, or null if not known yet
 */
public record PeerConnection(
    String peerId, String address, String direction, String muxer, String agentVersion) {}
