package io.dt4j.vouchers.filecoin.storage;

import io.dt4j.vouchers.filecoin.cborgen.CodecVoucherType;
import org.pf4j.Extension;

/** The {@code StorageDataTransferVoucher} type: a cbor-gen tuple {@code [Proposal CID]}. */
@Extension
public final class StorageDataTransferVoucherType
    extends CodecVoucherType<StorageDataTransferVoucher> {

  /** Creates the type. */
  public StorageDataTransferVoucherType() {
    super(
        StorageDataTransferVoucher.TYPE,
        StorageDataTransferVoucher.class,
        StorageDataTransferVoucher.CODEC);
  }
}
