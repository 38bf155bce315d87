/**
 * The embedded default {@link io.dt4j.core.channels.ChannelStore}: channel records and their
 * seen-CID sets (data-transfer.md §4.5–§4.6) in one H2 MVStore file under the node's data
 * directory, {@code channels.mv.db}. Records are DAG-CBOR maps with a format version; the CID sets
 * are one key per CID in a separate map, so a set of millions of CIDs never sits inside a record.
 */
package io.dt4j.core.channels.store;
