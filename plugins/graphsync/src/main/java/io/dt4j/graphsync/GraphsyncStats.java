package io.dt4j.graphsync;

/**
 * Counters and high-water marks of a graphsync node, to watch its memory bounds at work.
 *
 * @param messagesSent messages written to peers
 * @param messagesReceived messages read from peers
 * @param maxQueuedBytes the most block bytes any peer's outgoing queue held (queued and in flight)
 * @param maxUnverifiedBytes the most received block bytes any peer's cache held before the
 *     traversal used them
 * @param unexpectedBlocks received blocks no request expected (dropped)
 */
public record GraphsyncStats(
    long messagesSent,
    long messagesReceived,
    long maxQueuedBytes,
    long maxUnverifiedBytes,
    long unexpectedBlocks) {}
