/**
 * Graphsync 1.0 messages (graphsync spec §2): the model ({@link
 * io.dt4j.graphsync.message.GraphsyncMessage} with its requests, responses and blocks), the status
 * codes (§3.1), extension data by name, block prefixes (§2.3) and the hand-written protobuf codec
 * ({@link io.dt4j.graphsync.message.GraphsyncMessageCodec}, §2.1). Values only: no I/O here.
 */
package io.dt4j.graphsync.message;
