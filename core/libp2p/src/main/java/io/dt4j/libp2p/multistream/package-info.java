/**
 * multistream-select 1.0 (libp2p.md §3) as Netty handlers: a frame decoder that only checks
 * lengths, and a dialer and a listener negotiator that hand the channel over to the selected
 * protocol together with any bytes read ahead.
 */
package io.dt4j.libp2p.multistream;
