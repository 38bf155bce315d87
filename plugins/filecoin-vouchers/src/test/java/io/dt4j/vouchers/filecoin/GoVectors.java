package io.dt4j.vouchers.filecoin;

import java.util.HexFormat;

/**
 * Golden CBOR vectors of the market types, each with where it comes from. "Go" vectors were
 * produced by go-fil-markets' cbor-gen code: the cpp-filecoin project checks its codecs against
 * them (test/core/markets/retrieval/protocol/retrieval_protocol_v{0_0_1,1_0_0}_test.cpp, "Expected
 * encoded bytes are from go-fil-markets implementation", go-fil-markets commit b1a66cfd), and the
 * myelnet/js-dcdn client tests replay responses a Go retrieval provider sent
 * (packages/myel-client/src/__tests__/fixtures.ts, also data-transfer.md §3.1 U7). "Hand" vectors
 * were written byte by byte from the cbor-gen layout.
 */
public final class GoVectors {
  private GoVectors() {}

  /** CIDv0 QmTTA2daxGqo5denp6SwLzzkLJm3fuisYEi9CoWsuHpzfb, the cid of the Go vectors. */
  public static final String GO_CID = "QmTTA2daxGqo5denp6SwLzzkLJm3fuisYEi9CoWsuHpzfb";

  /** The actor address t2i4llai5x72clnz643iydyplvjmni74x4vyme7ny of the Go payment vectors. */
  public static final String GO_ADDRESS = "024716b023b7fe84b6e7dcda303c3d754b1a8ff2fc";

  /**
   * Go: RetrievalDealProposal/1 {PayloadCID: GO_CID, ID: 12, Params: {Selector: explore-all,
   * PieceCID: GO_CID, PricePerByte: 12, PaymentInterval: 222, PaymentIntervalIncrease: 33,
   * UnsealPrice: 23}}.
   */
  public static final String PROPOSAL_V1 =
      "a36a5061796c6f6164434944d82a58230012204bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce2"
          + "3c7785459a6249440c66506172616d73a66853656c6563746f72a16152a2616ca1646e6f6e65a0623a3ea16161"
          + "a1613ea16140a0685069656365434944d82a58230012204bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c3"
          + "85a5d7cce23c7785459a6c50726963655065724279746542000c6f5061796d656e74496e74657276616c18de77"
          + "5061796d656e74496e74657276616c496e63726561736518216b556e7365616c5072696365420017";

  /** Go: the same proposal as the legacy RetrievalDealProposal tuple. */
  public static final String PROPOSAL_V0 =
      "83d82a58230012204bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a0c86a16152a2"
          + "616ca1646e6f6e65a0623a3ea16161a1613ea16140a0d82a58230012204bf5122f344554c53bde2ebb8cd2b7e3"
          + "d1600ad631c385a5d7cce23c7785459a42000c18de1821420017";

  /** Go: RetrievalDealResponse/1 {Status: Accepted, ID: 12, PaymentOwed: 222, Message: message}. */
  public static final String RESPONSE_V1 =
      "a466537461747573066249440c6b5061796d656e744f7765644200de674d657373616765676d657373616765";

  /** Go: the same response as the legacy RetrievalDealResponse tuple. */
  public static final String RESPONSE_V0 = "84060c4200de676d657373616765";

  /** Go provider (js-dcdn): accepted, deal 1627988723469, nothing owed, no message. */
  public static final String RESPONSE_V1_ACCEPTED =
      "a466537461747573066249441b0000017b0bb0870d6b5061796d656e744f77656440674d65737361676560";

  /** Go provider (js-dcdn): completed, deal 1627988723469. */
  public static final String RESPONSE_V1_COMPLETED =
      "a4665374617475730f6249441b0000017b0bb0870d6b5061796d656e744f77656440674d65737361676560";

  /** Go provider (js-dcdn): funds needed for the last payment, 1214 attoFIL owed. */
  public static final String RESPONSE_V1_LAST_PAYMENT =
      "a4665374617475730e6249441b0000017b0bb0870d6b5061796d656e744f776564430004be674d657373616765"
          + "60";

  /**
   * Go: RetrievalDealPayment/1 {ID: 12, PaymentChannel: GO_ADDRESS, PaymentVoucher: {ChannelAddr:
   * GO_ADDRESS, TimeLockMin: 100, TimeLockMax: 200, SecretPreimage: 0x1234, Extra: nil, Lane: 42,
   * Nonce: 1, Amount: 22, MinSettleHeight: 333, Merges: [], Signature: nil}}.
   */
  public static final String PAYMENT_V1 =
      "a36249440c6e5061796d656e744368616e6e656c55024716b023b7fe84b6e7dcda303c3d754b1a8ff2fc6e5061"
          + "796d656e74566f75636865728b55024716b023b7fe84b6e7dcda303c3d754b1a8ff2fc186418c8421234f618"
          + "2a0142001619014d80f6";

  /** Go: the same payment as the legacy RetrievalDealPayment tuple. */
  public static final String PAYMENT_V0 =
      "830c55024716b023b7fe84b6e7dcda303c3d754b1a8ff2fc8b55024716b023b7fe84b6e7dcda303c3d754b1a8f"
          + "f2fc186418c8421234f6182a0142001619014d80f6";

  /**
   * Hand: RetrievalDealPayment/1 {ID: 2^40, PaymentChannel: secp256k1 01..14, PaymentVoucher:
   * {ChannelAddr: the same, TimeLockMin: -1, TimeLockMax: 1000, SecretPreimage: empty, Extra:
   * {Actor: f01000, Method: 2, Data: 0xc0ffee}, Lane: 3, Nonce: 9, Amount: 10^18, MinSettleHeight:
   * -5, Merges: [{Lane: 7, Nonce: 3}], Signature: secp256k1 65 × 0xab}}.
   */
  public static final String PAYMENT_V1_FULL =
      "a36249441b00000100000000006e5061796d656e744368616e6e656c55010102030405060708090a0b0c0d0e0f"
          + "10111213146e5061796d656e74566f75636865728b55010102030405060708090a0b0c0d0e0f10111213142019"
          + "03e840834300e8070243c0ffee030949000de0b6b3a76400002481820703584201abababababababababababab"
          + "ababababababababababababababababababababababababababababababababababababababababababababab"
          + "abababababababab";

  /**
   * Hand: StorageDataTransferVoucher {Proposal:
   * bafy2bzaceafciokjlt5v5l53pftj6zcmulc2huy3fduwyqsm3zo5bzkau7muq}, a one-field tuple.
   */
  public static final String STORAGE_VOUCHER =
      "81d82a5827000171a0e402200a2439495cfb5eafbb79669f644ca2c5a3d31b28e96c424cde5dd0e540a7d948";

  /** The proposal CID of {@link #STORAGE_VOUCHER}. */
  public static final String STORAGE_PROPOSAL =
      "bafy2bzaceafciokjlt5v5l53pftj6zcmulc2huy3fduwyqsm3zo5bzkau7muq";

  /** Returns the bytes of a hex vector. */
  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
