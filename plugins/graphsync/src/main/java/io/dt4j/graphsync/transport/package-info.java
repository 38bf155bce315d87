/**
 * The data-transfer transport over graphsync (data-transfer.md §6): data-transfer messages as
 * graphsync extensions, graphsync hooks as the manager's events, and the factory that plugs it into
 * a node.
 */
package io.dt4j.graphsync.transport;
