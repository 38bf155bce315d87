package io.dt4j.vouchers.filecoin.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.VoucherDecodingException;
import io.dt4j.api.VoucherType;
import io.dt4j.api.contract.VoucherTypeContract;
import io.dt4j.ipld.Cid;
import io.dt4j.vouchers.filecoin.GoVectors;
import io.dt4j.vouchers.filecoin.Golden;
import io.dt4j.vouchers.filecoin.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageDataTransferVoucherTypeTest extends VoucherTypeContract<StorageDataTransferVoucher> {

  @Override
  protected VoucherType<StorageDataTransferVoucher> voucherType() {
    return new StorageDataTransferVoucherType();
  }

  @Override
  protected List<StorageDataTransferVoucher> samples() {
    return List.of(
        new StorageDataTransferVoucher(Cid.parse(GoVectors.STORAGE_PROPOSAL)),
        new StorageDataTransferVoucher(Samples.GO_CID_VALUE));
  }

  @Test
  void isAOneFieldTupleHoldingTheProposalCid() throws VoucherDecodingException {
    Golden.assertVector(
        voucherType(),
        GoVectors.STORAGE_VOUCHER,
        new StorageDataTransferVoucher(Cid.parse(GoVectors.STORAGE_PROPOSAL)));
  }

  @Test
  void aMapOrAnEmptyTupleIsRejectedNamingTheType() {
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes("a0")))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessage("StorageDataTransferVoucher: expected an array at byte offset 0");
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes("80")))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessage(
            "StorageDataTransferVoucher: wrong number of fields: 0, expected 1 at byte offset 0");
  }

  @Test
  void aProposalThatIsNotACidIsRejectedNamingTheField() {
    assertThatThrownBy(() -> voucherType().decode(GoVectors.bytes("8101")))
        .isInstanceOf(VoucherDecodingException.class)
        .hasMessage(
            "StorageDataTransferVoucher: field Proposal: expected a CID (tag 42) at byte offset 1");
  }
}
