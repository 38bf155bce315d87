/**
 * The TCP transport and the connection {@link io.dt4j.libp2p.transport.Upgrader}: multistream
 * ({@code /noise}), Noise, multistream (muxer), muxer (libp2p.md §0).
 */
package io.dt4j.libp2p.transport;
