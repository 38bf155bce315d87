/**
 * Channels: the state machine (a pure function of a channel record and an event), the persisted
 * channel record, the channel store and the ordered application of events. Nothing else mutates
 * channel state.
 */
package io.dt4j.core.channels;
