/**
 * Data-transfer messages on the wire (data-transfer.md §2): the 1.1 map encoding and the 1.0 tuple
 * encoding, byte for byte as Go's cbor-gen writes them, read strictly with cbor-gen's limits.
 */
package io.dt4j.core.messages;
