package io.dt4j.vouchers.filecoin.paych;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.ADDRESS;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.BYTES;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.INT64;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.SIGNATURE;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.TOKEN_AMOUNT;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.list;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.nullable;

import io.dt4j.vouchers.filecoin.ByteString;
import io.dt4j.vouchers.filecoin.FilecoinAddress;
import io.dt4j.vouchers.filecoin.Signature;
import io.dt4j.vouchers.filecoin.TokenAmount;
import io.dt4j.vouchers.filecoin.cborgen.Field;
import io.dt4j.vouchers.filecoin.cborgen.StructCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment channel voucher signed by the channel's sender (specs-actors v0.9 {@code
 * paych.SignedVoucher}, the version go-fil-markets v1.6–v1.9 use). Decoded in full; its signature
 * is carried, not verified (that needs the sender's key from the chain).
 *
 * <p>{@link #amount()} is cumulative: the total the sender owes on {@link #lane()} as of {@link
 * #nonce()}, so a newer voucher on a lane replaces the older one.
 *
 * @param channelAddr the payment channel actor the voucher is for
 * @param timeLockMin the epoch before which the voucher cannot be redeemed
 * @param timeLockMax the epoch after which it cannot be redeemed, 0 for none
 * @param secretPreimage a preimage the redeemer must present, empty for none
 * @param extra an extra check when redeemed, if any
 * @param lane the lane, unsigned
 * @param nonce the lane's nonce, unsigned; higher nonces replace lower ones
 * @param amount the cumulative amount on the lane, in attoFIL
 * @param minSettleHeight the earliest epoch the channel may settle at, 0 for no constraint
 * @param merges lanes merged into this one
 * @param signature the sender's signature, if signed
 */
public record SignedVoucher(
    FilecoinAddress channelAddr,
    long timeLockMin,
    long timeLockMax,
    ByteString secretPreimage,
    Optional<ModVerifyParams> extra,
    long lane,
    long nonce,
    TokenAmount amount,
    long minSettleHeight,
    List<Merge> merges,
    Optional<Signature> signature) {

  private static final Field<SignedVoucher, FilecoinAddress> CHANNEL_ADDR =
      Field.of("ChannelAddr", ADDRESS, SignedVoucher::channelAddr);
  private static final Field<SignedVoucher, Long> TIME_LOCK_MIN =
      Field.of("TimeLockMin", INT64, SignedVoucher::timeLockMin);
  private static final Field<SignedVoucher, Long> TIME_LOCK_MAX =
      Field.of("TimeLockMax", INT64, SignedVoucher::timeLockMax);
  private static final Field<SignedVoucher, ByteString> SECRET_PREIMAGE =
      Field.of("SecretPreimage", BYTES, SignedVoucher::secretPreimage);
  private static final Field<SignedVoucher, Optional<ModVerifyParams>> EXTRA =
      Field.of("Extra", nullable(ModVerifyParams.CODEC), SignedVoucher::extra);
  private static final Field<SignedVoucher, Long> LANE =
      Field.of("Lane", UINT64, SignedVoucher::lane);
  private static final Field<SignedVoucher, Long> NONCE =
      Field.of("Nonce", UINT64, SignedVoucher::nonce);
  private static final Field<SignedVoucher, TokenAmount> AMOUNT =
      Field.of("Amount", TOKEN_AMOUNT, SignedVoucher::amount);
  private static final Field<SignedVoucher, Long> MIN_SETTLE_HEIGHT =
      Field.of("MinSettleHeight", INT64, SignedVoucher::minSettleHeight);
  private static final Field<SignedVoucher, List<Merge>> MERGES =
      Field.of("Merges", list(Merge.CODEC), SignedVoucher::merges);
  private static final Field<SignedVoucher, Optional<Signature>> SIGNATURE_FIELD =
      Field.of("Signature", nullable(SIGNATURE), SignedVoucher::signature);

  /** cbor-gen tuple of the eleven fields in declaration order. */
  public static final StructCodec<SignedVoucher> CODEC =
      StructCodec.tuple(
          List.of(
              CHANNEL_ADDR,
              TIME_LOCK_MIN,
              TIME_LOCK_MAX,
              SECRET_PREIMAGE,
              EXTRA,
              LANE,
              NONCE,
              AMOUNT,
              MIN_SETTLE_HEIGHT,
              MERGES,
              SIGNATURE_FIELD),
          v ->
              new SignedVoucher(
                  v.get(CHANNEL_ADDR),
                  v.get(TIME_LOCK_MIN),
                  v.get(TIME_LOCK_MAX),
                  v.get(SECRET_PREIMAGE),
                  v.get(EXTRA),
                  v.get(LANE),
                  v.get(NONCE),
                  v.get(AMOUNT),
                  v.get(MIN_SETTLE_HEIGHT),
                  v.get(MERGES),
                  v.get(SIGNATURE_FIELD)));

  /** Checks that no part is missing and copies the merges. */
  public SignedVoucher {
    Objects.requireNonNull(channelAddr, "channelAddr");
    Objects.requireNonNull(secretPreimage, "secretPreimage");
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(amount, "amount");
    merges = List.copyOf(merges);
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Returns an unsigned voucher for an amount on a lane, with no time locks, preimage, extra check
   * or merges: the shape retrieval clients send.
   *
   * @param channel the payment channel
   * @param lane the lane
   * @param nonce the nonce
   * @param amount the cumulative amount on the lane
   * @return the voucher, without a signature
   */
  public static SignedVoucher simple(
      FilecoinAddress channel, long lane, long nonce, TokenAmount amount) {
    return new SignedVoucher(
        channel,
        0,
        0,
        ByteString.EMPTY,
        Optional.empty(),
        lane,
        nonce,
        amount,
        0,
        List.of(),
        Optional.empty());
  }

  /**
   * Returns this voucher with a signature.
   *
   * @param signature the sender's signature
   * @return the signed voucher
   */
  public SignedVoucher signedWith(Signature signature) {
    return new SignedVoucher(
        channelAddr,
        timeLockMin,
        timeLockMax,
        secretPreimage,
        extra,
        lane,
        nonce,
        amount,
        minSettleHeight,
        merges,
        Optional.of(signature));
  }
}
