/**
 * Graphsync's standard extensions (graphsync spec §4.2) and their DAG-CBOR payloads: response
 * metadata, do-not-send-cids, dedup-by-key and do-not-send-first-blocks. Other extensions, such as
 * the data-transfer messages, are opaque bytes to graphsync and carried by name in {@link
 * io.dt4j.graphsync.message.Extensions}.
 */
package io.dt4j.graphsync.extensions;
