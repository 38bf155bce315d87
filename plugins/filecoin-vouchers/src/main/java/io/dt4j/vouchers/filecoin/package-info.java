/**
 * The Filecoin market vouchers of go-fil-markets as a dt4j plugin: the values they share (token
 * amounts, addresses, signatures) and the plugin's settings. The voucher types are in {@code
 * storage} and {@code retrieval}, payment channel vouchers in {@code paych}, and the cbor-gen codec
 * tables they are declared with in {@code cborgen}.
 */
package io.dt4j.vouchers.filecoin;
