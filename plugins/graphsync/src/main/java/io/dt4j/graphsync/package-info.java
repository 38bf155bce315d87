/**
 * Graphsync 1.0 ({@code /ipfs/graphsync/1.0.0}) for dt4j: the {@link io.dt4j.graphsync.Graphsync}
 * node API — requests with verified blocks, responder controls, hooks — its options, request
 * outcomes and errors. {@code io.dt4j.graphsync.engine.GraphsyncEngine} implements it over a libp2p
 * {@link io.dt4j.api.host.Host}; {@code message}, {@code extensions} and {@code hooks} hold the
 * wire values and the hook types; {@code network}, {@code requester} and {@code responder} are the
 * engine's parts (public only because Java packages need it; not API).
 */
package io.dt4j.graphsync;
