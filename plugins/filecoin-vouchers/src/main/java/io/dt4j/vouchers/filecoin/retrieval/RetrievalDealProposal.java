package io.dt4j.vouchers.filecoin.retrieval;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.CID;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.ipld.Cid;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.util.List;
import java.util.Objects;

/**
 * A retrieval client's deal proposal, the voucher of the pull request that starts a retrieval
 * (go-fil-markets {@code retrievalmarket.DealProposal}, {@code RetrievalDealProposal/1}, a cbor-gen
 * map {@code {PayloadCID, ID, Params}}; legacy {@code DealProposal0}, {@code
 * RetrievalDealProposal}, the tuple {@code [PayloadCID, ID, Params0]}).
 *
 * @param version which of the two encodings, and so which type name
 * @param payloadCid the root of the DAG to retrieve: the pull request's base CID
 * @param dealId the client's deal ID, unsigned
 * @param params the proposed terms
 */
public record RetrievalDealProposal(
    RetrievalVersion version, Cid payloadCid, long dealId, RetrievalParams params)
    implements Voucher {

  /** The base name of the type; see {@link RetrievalVersion#typeName}. */
  public static final String BASE_NAME = "RetrievalDealProposal";

  /** Checks that no part is missing. */
  public RetrievalDealProposal {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(payloadCid, "payloadCid");
    Objects.requireNonNull(params, "params");
  }

  /**
   * Returns the registry name in a version.
   *
   * @param version the version
   * @return {@code RetrievalDealProposal/1} or {@code RetrievalDealProposal}
   */
  public static TypeIdentifier type(RetrievalVersion version) {
    return TypeIdentifier.of(version.typeName(BASE_NAME));
  }

  @Override
  public TypeIdentifier type() {
    return type(version);
  }

  /**
   * Returns the codec of a version.
   *
   * @param version the version
   * @return the codec
   */
  public static StructCodec<RetrievalDealProposal> codec(RetrievalVersion version) {
    Field<RetrievalDealProposal, Cid> payloadCid =
        Field.of("PayloadCID", CID, RetrievalDealProposal::payloadCid);
    Field<RetrievalDealProposal, Long> id = Field.of("ID", UINT64, RetrievalDealProposal::dealId);
    Field<RetrievalDealProposal, RetrievalParams> params =
        Field.of(
            version == RetrievalVersion.V1 ? "Params" : "Params0",
            RetrievalParams.codec(version),
            RetrievalDealProposal::params);
    return StructCodec.of(
        version.layout(),
        List.of(payloadCid, id, params),
        v -> new RetrievalDealProposal(version, v.get(payloadCid), v.get(id), v.get(params)));
  }
}
