/**
 * libp2p on Netty: identities, multiaddrs, the TCP transport, multistream-select, Noise, yamux and
 * mplex, identify and ping, and the {@link io.dt4j.api.host.Host} that plugins use. No Netty type
 * leaves this module.
 */
package io.dt4j.libp2p;
