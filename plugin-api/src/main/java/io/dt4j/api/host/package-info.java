/**
 * The network as transport plugins see it: a {@link io.dt4j.api.host.Host} that opens and accepts
 * protocol {@link io.dt4j.api.host.Stream}s to peers. dt4j's libp2p stack implements it; plugins
 * never see the implementation (no Netty types cross this boundary).
 */
package io.dt4j.api.host;
