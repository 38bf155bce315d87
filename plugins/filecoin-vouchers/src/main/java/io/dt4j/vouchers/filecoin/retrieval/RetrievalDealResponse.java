package io.dt4j.vouchers.filecoin.retrieval;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.TEXT;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.TOKEN_AMOUNT;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;

import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.VoucherResult;
import io.dt4j.vouchers.filecoin.TokenAmount;
import io.dt4j.vouchers.filecoin.cborgen.CborGenReader;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A retrieval provider's answer about a deal, the voucher result of its responses (go-fil-markets
 * {@code retrievalmarket.DealResponse}, {@code RetrievalDealResponse/1}, a cbor-gen map {@code
 * {Status, ID, PaymentOwed, Message}}; legacy {@code DealResponse0}, {@code RetrievalDealResponse},
 * the tuple of the same fields).
 *
 * @param version which of the two encodings, and so which type name
 * @param status the deal's status
 * @param dealId the client's deal ID, unsigned
 * @param paymentOwed the payment the provider needs to go on, zero if none
 * @param message why, when the deal is rejected or failed; at most 8192 bytes of UTF-8
 */
public record RetrievalDealResponse(
    RetrievalVersion version,
    DealStatus status,
    long dealId,
    TokenAmount paymentOwed,
    String message)
    implements VoucherResult {

  /** The base name of the type; see {@link RetrievalVersion#typeName}. */
  public static final String BASE_NAME = "RetrievalDealResponse";

  /** Checks that no part is missing and that the message fits cbor-gen's limit. */
  public RetrievalDealResponse {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(paymentOwed, "paymentOwed");
    Objects.requireNonNull(message, "message");
    if (message.getBytes(StandardCharsets.UTF_8).length > CborGenReader.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "deal response message longer than " + CborGenReader.MAX_LENGTH + " bytes");
    }
  }

  /**
   * Returns a response with no payment owed and no message.
   *
   * @param version the version of the deal's proposal
   * @param status the status
   * @param dealId the deal ID
   * @return the response
   */
  public static RetrievalDealResponse of(RetrievalVersion version, DealStatus status, long dealId) {
    return new RetrievalDealResponse(version, status, dealId, TokenAmount.ZERO, "");
  }

  /**
   * Returns the registry name in a version.
   *
   * @param version the version
   * @return {@code RetrievalDealResponse/1} or {@code RetrievalDealResponse}
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
  public static StructCodec<RetrievalDealResponse> codec(RetrievalVersion version) {
    Field<RetrievalDealResponse, Long> status = Field.of("Status", UINT64, r -> r.status().code());
    Field<RetrievalDealResponse, Long> id = Field.of("ID", UINT64, RetrievalDealResponse::dealId);
    Field<RetrievalDealResponse, TokenAmount> paymentOwed =
        Field.of("PaymentOwed", TOKEN_AMOUNT, RetrievalDealResponse::paymentOwed);
    Field<RetrievalDealResponse, String> message =
        Field.of("Message", TEXT, RetrievalDealResponse::message);
    return StructCodec.of(
        version.layout(),
        List.of(status, id, paymentOwed, message),
        v ->
            new RetrievalDealResponse(
                version,
                DealStatus.ofCode(v.get(status)),
                v.get(id),
                v.get(paymentOwed),
                v.get(message)));
  }
}
