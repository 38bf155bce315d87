/**
 * The channel monitor of the data-transfer manager (data-transfer.md §5.8): on the initiator side
 * it watches each channel's events, restarts a channel that stops moving (network errors, or too
 * few bytes per interval while Ongoing) and fails it, with a message saying why, when restarts do
 * not help or the responder does not accept or complete in time.
 *
 * <p>Concurrency: the state of one monitored channel is owned by that channel's serial executor on
 * the monitor's {@link io.dt4j.core.manager.monitor.Scheduler}; event delivery only enqueues.
 */
package io.dt4j.core.manager.monitor;
