/** Payment channel vouchers (specs-actors v0.9 {@code paych}) that retrieval payments carry. */
package io.dt4j.vouchers.filecoin.paych;
