/**
 * Noise XX for libp2p ({@code /noise}, libp2p.md §4): the handshake as a pure state machine, the
 * u16 frame decoder, and the handshake and transport handlers. ChaCha20-Poly1305 comes from
 * Conscrypt when its native library loads, else from the JDK ({@link
 * io.dt4j.libp2p.noise.NoiseCipherSuite}).
 */
package io.dt4j.libp2p.noise;
