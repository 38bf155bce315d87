/**
 * What a graphsync node lets its user (the data-transfer transport) see and steer: hooks that run
 * at each step of a request or response and may act on it, and listeners told about what happened
 * (graphsync spec §5.1, §5.3, §5.5; data-transfer spec §6.3). Register them on {@link
 * io.dt4j.graphsync.hooks.GraphsyncHooks}; each registration returns a {@link
 * io.dt4j.api.Subscription} that removes it.
 *
 * <p>Threading: hooks and listeners for one peer run one at a time, in order, on that peer's
 * executor; never block in them. Graphsync API calls made from inside a hook take effect after the
 * hook returns; do not wait on their results there.
 */
package io.dt4j.graphsync.hooks;
