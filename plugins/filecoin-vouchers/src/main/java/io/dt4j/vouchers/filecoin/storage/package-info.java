/**
 * The storage market's voucher ({@code StorageDataTransferVoucher}) and the validator that accepts
 * storage pushes whose deal proposal is allowed by a file or an HTTP callback.
 */
package io.dt4j.vouchers.filecoin.storage;
