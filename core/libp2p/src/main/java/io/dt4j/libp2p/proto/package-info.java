/**
 * The tiny subset of protobuf (proto2 wire format, varint and length-delimited fields) that libp2p
 * messages use: keys, the Noise handshake payload, identify.
 */
package io.dt4j.libp2p.proto;
