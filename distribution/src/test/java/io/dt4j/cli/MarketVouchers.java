package io.dt4j.cli;

import java.math.BigInteger;
import java.util.Base64;

/**
 * The go-fil-markets vouchers of the filecoin-vouchers plugin as the DAG-JSON {@code dt4j push},
 * {@code pull} and {@code channel voucher} take: the JSON of each type's CBOR form (cbor-gen tuples
 * as arrays, {@code /1} maps as objects, Filecoin big integers and addresses as bytes).
 */
final class MarketVouchers {
  /** The payment channel the client pays through: the ID address {@code f01000}. */
  private static final byte[] PAYMENT_CHANNEL = {0x00, (byte) 0xe8, 0x07};

  /** A secp256k1 signature (type byte 1, 65 bytes); not verified by the provider. */
  private static final byte[] SIGNATURE = new byte[66];

  static {
    SIGNATURE[0] = 1;
  }

  private MarketVouchers() {}

  /** {@code StorageDataTransferVoucher}: the tuple {@code [Proposal]}. */
  static String storage(String proposalCid) {
    return "[{\"/\":\"" + proposalCid + "\"}]";
  }

  /**
   * {@code RetrievalDealProposal/1} for the whole DAG under {@code root}, no unseal price.
   *
   * @param root the payload CID
   * @param dealId the client's deal id
   * @param pricePerByte attoFIL per byte
   * @param interval the first payment interval, bytes
   * @param increase how much longer each following interval is, bytes
   */
  static String proposal(
      String root, long dealId, long pricePerByte, long interval, long increase) {
    return "{\"PayloadCID\":{\"/\":\""
        + root
        + "\"},\"ID\":"
        + dealId
        + ",\"Params\":{\"Selector\":null,\"PieceCID\":null,\"PricePerByte\":"
        + bigInt(pricePerByte)
        + ",\"PaymentInterval\":"
        + interval
        + ",\"PaymentIntervalIncrease\":"
        + increase
        + ",\"UnsealPrice\":"
        + bigInt(0)
        + "}}";
  }

  /**
   * {@code RetrievalDealPayment/1}: a signed voucher on lane 0 of {@link #PAYMENT_CHANNEL}.
   *
   * @param dealId the deal paid for
   * @param nonce the lane's nonce, higher with each payment
   * @param cumulativeAmount the lane's total so far, attoFIL
   */
  static String payment(long dealId, long nonce, long cumulativeAmount) {
    String channel = bytes(PAYMENT_CHANNEL);
    // SignedVoucher tuple: ChannelAddr, TimeLockMin, TimeLockMax, SecretPreimage, Extra, Lane,
    // Nonce, Amount, MinSettleHeight, Merges, Signature
    String voucher =
        "["
            + String.join(
                ",",
                channel,
                "0",
                "0",
                bytes(new byte[0]),
                "null",
                "0",
                Long.toString(nonce),
                bigInt(cumulativeAmount),
                "0",
                "[]",
                bytes(SIGNATURE))
            + "]";
    return "{\"ID\":"
        + dealId
        + ",\"PaymentChannel\":"
        + channel
        + ",\"PaymentVoucher\":"
        + voucher
        + "}";
  }

  /** A Filecoin big integer: empty for zero, else a sign byte (0: positive) and the magnitude. */
  private static String bigInt(long value) {
    if (value == 0) {
      return bytes(new byte[0]);
    }
    byte[] magnitude = BigInteger.valueOf(value).toByteArray();
    int skip = magnitude[0] == 0 ? 1 : 0;
    byte[] encoded = new byte[magnitude.length - skip + 1];
    System.arraycopy(magnitude, skip, encoded, 1, magnitude.length - skip);
    return bytes(encoded);
  }

  private static String bytes(byte[] bytes) {
    return "{\"/\":{\"bytes\":\""
        + Base64.getEncoder().withoutPadding().encodeToString(bytes)
        + "\"}}";
  }
}
