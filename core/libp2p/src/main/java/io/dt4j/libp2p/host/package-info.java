/**
 * The libp2p host: {@link io.dt4j.libp2p.host.Libp2pHost} dials and accepts connections through the
 * transport, keeps one per peer, negotiates each stream's protocol with multistream-select and
 * adapts it to the plugin API's {@code Stream}. Protocol services plug in through stream handlers
 * and {@link io.dt4j.libp2p.host.ConnectionObserver}.
 */
package io.dt4j.libp2p.host;
