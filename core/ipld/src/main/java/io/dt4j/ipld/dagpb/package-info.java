/**
 * DAG-PB (multicodec 0x70): the protobuf merkle-DAG codec of IPFS (graphsync spec §8.3), its strict
 * decoder, its canonical encoder and its IPLD data-model form (§6.4), over the wire format of
 * {@code io.dt4j.ipld.protobuf}.
 */
package io.dt4j.ipld.dagpb;
