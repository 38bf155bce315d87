package io.dt4j.vouchers.filecoin.retrieval;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.ADDRESS;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.nullable;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.vouchers.filecoin.FilecoinAddress;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import io.dt4j.vouchers.filecoin.paych.SignedVoucher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A retrieval client's payment on a running deal, the voucher it sends when the provider asks for
 * funds (go-fil-markets {@code retrievalmarket.DealPayment}, {@code RetrievalDealPayment/1}, a
 * cbor-gen map {@code {ID, PaymentChannel, PaymentVoucher}}; legacy {@code DealPayment0}, {@code
 * RetrievalDealPayment}, the tuple of the same fields). The payment channel voucher is decoded in
 * full.
 *
 * @param version which of the two encodings, and so which type name
 * @param dealId the client's deal ID, unsigned
 * @param paymentChannel the payment channel the voucher draws on
 * @param paymentVoucher the signed payment channel voucher (a Go pointer: may be absent)
 */
public record RetrievalDealPayment(
    RetrievalVersion version,
    long dealId,
    FilecoinAddress paymentChannel,
    Optional<SignedVoucher> paymentVoucher)
    implements Voucher {

  /** The base name of the type; see {@link RetrievalVersion#typeName}. */
  public static final String BASE_NAME = "RetrievalDealPayment";

  /** Checks that no part is missing. */
  public RetrievalDealPayment {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(paymentChannel, "paymentChannel");
    Objects.requireNonNull(paymentVoucher, "paymentVoucher");
  }

  /**
   * Returns the registry name in a version.
   *
   * @param version the version
   * @return {@code RetrievalDealPayment/1} or {@code RetrievalDealPayment}
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
  public static StructCodec<RetrievalDealPayment> codec(RetrievalVersion version) {
    Field<RetrievalDealPayment, Long> id = Field.of("ID", UINT64, RetrievalDealPayment::dealId);
    Field<RetrievalDealPayment, FilecoinAddress> channel =
        Field.of("PaymentChannel", ADDRESS, RetrievalDealPayment::paymentChannel);
    Field<RetrievalDealPayment, Optional<SignedVoucher>> voucher =
        Field.of(
            "PaymentVoucher", nullable(SignedVoucher.CODEC), RetrievalDealPayment::paymentVoucher);
    return StructCodec.of(
        version.layout(),
        List.of(id, channel, voucher),
        v -> new RetrievalDealPayment(version, v.get(id), v.get(channel), v.get(voucher)));
  }
}
