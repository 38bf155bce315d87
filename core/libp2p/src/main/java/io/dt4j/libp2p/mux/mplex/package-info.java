/**
 * mplex ({@code /mplex/6.7.0}, libp2p.md §6): {@link io.dt4j.libp2p.mux.mplex.MplexFrameDecoder}
 * cuts the byte stream into messages, {@link io.dt4j.libp2p.mux.mplex.MplexFrameCodec} turns them
 * into {@link io.dt4j.libp2p.mux.mplex.MplexFrame}s and back, and {@link
 * io.dt4j.libp2p.mux.mplex.MplexSession} runs the streams. mplex has no flow control: back-pressure
 * is to stop reading the connection while a paused stream holds too much. All state is owned by the
 * connection's event loop.
 *
 * <p>For the host: the session owns the connection's {@code autoRead} while installed; a paused
 * stream over its limit stalls every stream of the connection (head-of-line blocking is inherent to
 * mplex). A stream the peer opens reaches the {@link io.dt4j.libp2p.mux.StreamAcceptor} on the
 * event loop when its NewStream arrives.
 */
package io.dt4j.libp2p.mux.mplex;
