/**
 * Test support for the data-transfer manager: {@link io.dt4j.core.testing.LoopbackTransportHub}, an
 * in-process transport that moves blocks between the blockstores of nodes in one JVM the way
 * go-data-transfer's graphsync transport does (data-transfer.md §5, §6), with fault injection
 * (disconnects, stalls, gates, slow pumps) and counters for scenario tests.
 */
package io.dt4j.core.testing;
