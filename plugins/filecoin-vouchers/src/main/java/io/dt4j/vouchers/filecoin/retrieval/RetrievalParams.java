package io.dt4j.vouchers.filecoin.retrieval;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.CID;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.DEFERRED;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.TOKEN_AMOUNT;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.nullable;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import io.dt4j.vouchers.filecoin.ByteString;
import io.dt4j.vouchers.filecoin.TokenAmount;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms a retrieval client proposes (go-fil-markets {@code retrievalmarket.Params}, and {@code
 * Params0} in the legacy tuple form).
 *
 * @param selector the selector's DAG-CBOR bytes exactly as sent (a deferred field); empty means the
 *     whole DAG
 * @param pieceCid the piece to retrieve from, if the client names one
 * @param pricePerByte the price per byte sent, in attoFIL
 * @param paymentInterval bytes the provider sends before the first payment, unsigned
 * @param paymentIntervalIncrease how much each following interval grows, unsigned
 * @param unsealPrice the price of unsealing the data, paid before any is sent
 */
public record RetrievalParams(
    Optional<ByteString> selector,
    Optional<Cid> pieceCid,
    TokenAmount pricePerByte,
    long paymentInterval,
    long paymentIntervalIncrease,
    TokenAmount unsealPrice) {

  private static final Field<RetrievalParams, Optional<ByteString>> SELECTOR =
      Field.of("Selector", nullable(DEFERRED), RetrievalParams::selector);
  private static final Field<RetrievalParams, Optional<Cid>> PIECE_CID =
      Field.of("PieceCID", nullable(CID), RetrievalParams::pieceCid);
  private static final Field<RetrievalParams, TokenAmount> PRICE_PER_BYTE =
      Field.of("PricePerByte", TOKEN_AMOUNT, RetrievalParams::pricePerByte);
  private static final Field<RetrievalParams, Long> PAYMENT_INTERVAL =
      Field.of("PaymentInterval", UINT64, RetrievalParams::paymentInterval);
  private static final Field<RetrievalParams, Long> PAYMENT_INTERVAL_INCREASE =
      Field.of("PaymentIntervalIncrease", UINT64, RetrievalParams::paymentIntervalIncrease);
  private static final Field<RetrievalParams, TokenAmount> UNSEAL_PRICE =
      Field.of("UnsealPrice", TOKEN_AMOUNT, RetrievalParams::unsealPrice);

  private static final List<Field<RetrievalParams, ?>> FIELDS =
      List.of(
          SELECTOR,
          PIECE_CID,
          PRICE_PER_BYTE,
          PAYMENT_INTERVAL,
          PAYMENT_INTERVAL_INCREASE,
          UNSEAL_PRICE);

  /** Checks that no part is missing. */
  public RetrievalParams {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(pieceCid, "pieceCid");
    Objects.requireNonNull(pricePerByte, "pricePerByte");
    Objects.requireNonNull(unsealPrice, "unsealPrice");
  }

  /**
   * Returns terms for a selector, given as a node (Go's {@code NewParamsV1}).
   *
   * @param selector the selector, encoded in the node's map order as go-ipld-prime does
   * @param pieceCid the piece, if any
   * @param pricePerByte the price per byte
   * @param paymentInterval the first payment interval in bytes
   * @param paymentIntervalIncrease the growth of each following interval
   * @param unsealPrice the unseal price
   * @return the terms
   */
  public static RetrievalParams of(
      Node selector,
      Optional<Cid> pieceCid,
      TokenAmount pricePerByte,
      long paymentInterval,
      long paymentIntervalIncrease,
      TokenAmount unsealPrice) {
    return new RetrievalParams(
        Optional.of(ByteString.of(DagCbor.encode(selector))),
        pieceCid,
        pricePerByte,
        paymentInterval,
        paymentIntervalIncrease,
        unsealPrice);
  }

  /**
   * Returns the codec of the params struct in a version.
   *
   * @param version map-encoded {@code Params} or tuple-encoded {@code Params0}
   * @return the codec
   */
  static StructCodec<RetrievalParams> codec(RetrievalVersion version) {
    return StructCodec.of(
        version.layout(),
        FIELDS,
        v ->
            new RetrievalParams(
                v.get(SELECTOR),
                v.get(PIECE_CID),
                v.get(PRICE_PER_BYTE),
                v.get(PAYMENT_INTERVAL),
                v.get(PAYMENT_INTERVAL_INCREASE),
                v.get(UNSEAL_PRICE)));
  }
}
