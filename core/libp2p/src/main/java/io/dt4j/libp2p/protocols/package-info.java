/**
 * Protocol services on a {@link io.dt4j.libp2p.host.Libp2pHost}: identify and identify push
 * (libp2p.md §7), ping (§8), and the interop test protocols of the js peer (echo, bench sink and
 * source).
 */
package io.dt4j.libp2p.protocols;
