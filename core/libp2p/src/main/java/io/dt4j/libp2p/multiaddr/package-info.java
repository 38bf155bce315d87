/** Multiaddrs (libp2p.md §2): the address values that name where and whom to dial. */
package io.dt4j.libp2p.multiaddr;
