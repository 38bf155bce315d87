/**
 * The graphsync node: {@link io.dt4j.graphsync.engine.GraphsyncEngine} wires the protocol handler,
 * one session per peer — its serial executor, outbound queue, requester and responder — the threads
 * and the timers. Start one with {@link io.dt4j.graphsync.engine.GraphsyncEngine#start}.
 */
package io.dt4j.graphsync.engine;
