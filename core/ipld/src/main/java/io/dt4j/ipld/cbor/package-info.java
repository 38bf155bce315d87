/**
 * The CBOR token layer: heads, lengths and scalars in shortest form, strict on input, with byte
 * offsets in errors. DAG-CBOR and the data-transfer message codecs build on it.
 */
package io.dt4j.ipld.cbor;
