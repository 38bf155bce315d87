/**
 * DAG-PB (multicodec 0x70): the protobuf merkle-DAG codec of IPFS (graphsync spec §8.3), its strict
 * decoder, its canonical encoder and its IPLD data-model form (§6.4). The small protobuf reader and
 * writer here are shared with {@code io.dt4j.ipld.unixfs}.
 */
package io.dt4j.ipld.dagpb;
