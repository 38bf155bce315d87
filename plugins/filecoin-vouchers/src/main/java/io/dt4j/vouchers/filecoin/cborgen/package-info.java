/**
 * cbor-gen's encodings as tables: a Go struct is a list of {@link
 * io.dt4j.vouchers.filecoin.cborgen.Field}s (name, type, getter), written as a tuple or a map as
 * cbor-gen generates it, and read with cbor-gen's limits and strict errors that name the field and
 * the byte offset.
 */
package io.dt4j.vouchers.filecoin.cborgen;
