package io.dt4j.vouchers.filecoin;

import static io.dt4j.vouchers.filecoin.GoVectors.GO_ADDRESS;
import static io.dt4j.vouchers.filecoin.GoVectors.GO_CID;

import io.dt4j.api.PeerId;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import io.dt4j.vouchers.filecoin.paych.Merge;
import io.dt4j.vouchers.filecoin.paych.ModVerifyParams;
import io.dt4j.vouchers.filecoin.paych.SignedVoucher;
import io.dt4j.vouchers.filecoin.retrieval.DealStatus;
import io.dt4j.vouchers.filecoin.retrieval.RetrievalDealPayment;
import io.dt4j.vouchers.filecoin.retrieval.RetrievalDealProposal;
import io.dt4j.vouchers.filecoin.retrieval.RetrievalDealResponse;
import io.dt4j.vouchers.filecoin.retrieval.RetrievalParams;
import io.dt4j.vouchers.filecoin.retrieval.RetrievalVersion;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The values behind {@link GoVectors}, and a few more, shared by the plugin's tests. */
public final class Samples {
  private Samples() {}

  /** The CID of the Go vectors. */
  public static final Cid GO_CID_VALUE = Cid.parse(GO_CID);

  /** The payment channel address of the Go vectors. */
  public static final FilecoinAddress GO_CHANNEL =
      FilecoinAddress.fromBytes(HexFormat.of().parseHex(GO_ADDRESS));

  /** A secp256k1 address with payload 01..14. */
  public static final FilecoinAddress SECP_CHANNEL =
      FilecoinAddress.fromBytes(
          HexFormat.of().parseHex("01" + "0102030405060708090a0b0c0d0e0f1011121314"));

  /** A root CID for transfers in tests. */
  public static final Cid ROOT = Block.of(Multicodec.RAW, new byte[] {1, 2, 3}).cid();

  /** A peer. */
  public static PeerId peer(int seed) {
    return PeerId.fromBytes(Multihash.sha256(new byte[] {(byte) seed}).toBytes());
  }

  /** The proposal of {@link GoVectors#PROPOSAL_V1} / {@link GoVectors#PROPOSAL_V0}. */
  public static RetrievalDealProposal goProposal(RetrievalVersion version) {
    return new RetrievalDealProposal(
        version,
        GO_CID_VALUE,
        12,
        RetrievalParams.of(
            Selectors.EXPLORE_ALL,
            Optional.of(GO_CID_VALUE),
            TokenAmount.of(12),
            222,
            33,
            TokenAmount.of(23)));
  }

  /** The response of {@link GoVectors#RESPONSE_V1} / {@link GoVectors#RESPONSE_V0}. */
  public static RetrievalDealResponse goResponse(RetrievalVersion version) {
    return new RetrievalDealResponse(
        version, DealStatus.ACCEPTED, 12, TokenAmount.of(222), "message");
  }

  /** The payment of {@link GoVectors#PAYMENT_V1} / {@link GoVectors#PAYMENT_V0}. */
  public static RetrievalDealPayment goPayment(RetrievalVersion version) {
    SignedVoucher voucher =
        new SignedVoucher(
            GO_CHANNEL,
            100,
            200,
            ByteString.ofHex("1234"),
            Optional.empty(),
            42,
            1,
            TokenAmount.of(22),
            333,
            List.of(),
            Optional.empty());
    return new RetrievalDealPayment(version, 12, GO_CHANNEL, Optional.of(voucher));
  }

  /** The payment of {@link GoVectors#PAYMENT_V1_FULL}: every optional part present. */
  public static RetrievalDealPayment fullPayment() {
    byte[] signature = new byte[65];
    Arrays.fill(signature, (byte) 0xab);
    SignedVoucher voucher =
        new SignedVoucher(
            SECP_CHANNEL,
            -1,
            1000,
            ByteString.EMPTY,
            Optional.of(
                new ModVerifyParams(FilecoinAddress.id(1000), 2, ByteString.ofHex("c0ffee"))),
            3,
            9,
            TokenAmount.parse("1000000000000000000"),
            -5,
            List.of(new Merge(7, 3)),
            Optional.of(new Signature(Signature.Type.SECP256K1, ByteString.of(signature))));
    return new RetrievalDealPayment(
        RetrievalVersion.V1, 1L << 40, SECP_CHANNEL, Optional.of(voucher));
  }

  /** A signature that is only a shape: the plugin does not verify signatures. */
  public static Signature anySignature() {
    return new Signature(Signature.Type.SECP256K1, ByteString.of(new byte[65]));
  }
}
