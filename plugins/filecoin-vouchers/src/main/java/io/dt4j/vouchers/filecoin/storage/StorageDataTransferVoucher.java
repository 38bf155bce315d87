package io.dt4j.vouchers.filecoin.storage;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.CID;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Cid;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.util.List;
import java.util.Objects;

/**
 * The voucher of a storage deal's data transfer: the CID of the deal proposal the data belongs to
 * (go-fil-markets {@code requestvalidation.StorageDataTransferVoucher}). A storage client pushes
 * the deal's data to the provider with it.
 *
 * @param proposal the CID of the signed deal proposal
 */
public record StorageDataTransferVoucher(Cid proposal) implements Voucher {
  /** The registry name, {@code StorageDataTransferVoucher}. */
  public static final TypeIdentifier TYPE = TypeIdentifier.of("StorageDataTransferVoucher");

  private static final Field<StorageDataTransferVoucher, Cid> PROPOSAL =
      Field.of("Proposal", CID, StorageDataTransferVoucher::proposal);

  /** cbor-gen tuple {@code [Proposal]}. */
  public static final StructCodec<StorageDataTransferVoucher> CODEC =
      StructCodec.tuple(List.of(PROPOSAL), v -> new StorageDataTransferVoucher(v.get(PROPOSAL)));

  /** Checks that the proposal is present. */
  public StorageDataTransferVoucher {
    Objects.requireNonNull(proposal, "proposal");
  }

  @Override
  public TypeIdentifier type() {
    return TYPE;
  }
}
