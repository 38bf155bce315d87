/**
 * yamux ({@code /yamux/1.0.0}, libp2p.md §5): {@link io.dt4j.libp2p.mux.yamux.YamuxFrameDecoder}
 * cuts the byte stream into frames, {@link io.dt4j.libp2p.mux.yamux.YamuxFrameCodec} turns them
 * into {@link io.dt4j.libp2p.mux.yamux.YamuxFrame}s and back, and {@link
 * io.dt4j.libp2p.mux.yamux.YamuxSession} runs the streams, flow control, pings and go-away. All
 * state is owned by the connection's event loop.
 */
package io.dt4j.libp2p.mux.yamux;
