/**
 * The stream-muxer contract between a secured connection and the streams on it. yamux and mplex
 * implement {@link io.dt4j.libp2p.mux.MuxerFactory}; the connection upgrader negotiates one by
 * multistream-select and installs it; the host turns each {@link io.dt4j.libp2p.mux.MuxedStream}
 * into a protocol stream. Everything here runs on the connection's event loop.
 */
package io.dt4j.libp2p.mux;
