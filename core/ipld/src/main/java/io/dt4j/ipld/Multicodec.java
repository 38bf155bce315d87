package io.dt4j.ipld;

/**
 * The multicodec codes dt4j needs: hash functions for multihashes and content codecs for CIDs.
 * Values are from the multicodec table (graphsync spec §8.1).
 */
public final class Multicodec {
  /** Identity "hash": the digest is the data itself. */
  public static final long IDENTITY = 0x00;

  /** SHA2-256 hash function (32-byte digest). */
  public static final long SHA2_256 = 0x12;

  /** SHA2-512 hash function (64-byte digest). */
  public static final long SHA2_512 = 0x13;

  /** BLAKE2b-256 hash function (32-byte digest), used by Filecoin chain objects. */
  public static final long BLAKE2B_256 = 0xb220;

  /** Raw binary content codec: the block is plain bytes without links. */
  public static final long RAW = 0x55;

  /** DAG-PB content codec (protobuf merkle DAG, UnixFS). */
  public static final long DAG_PB = 0x70;

  /** DAG-CBOR content codec; links are CBOR tag 42. */
  public static final long DAG_CBOR = 0x71;

  /** libp2p public key codec (used in CIDv1 peer ids). */
  public static final long LIBP2P_KEY = 0x72;

  /** DAG-JSON content codec. */
  public static final long DAG_JSON = 0x0129;

  private Multicodec() {}

  /**
   * Returns the multicodec table name of a code, e.g. {@code "dag-cbor"}.
   *
   * @param code a multicodec code
   * @return the table name, or the code in hex ({@code "0x1234"}) if unknown here
   */
  public static String name(long code) {
    if (code == IDENTITY) {
      return "identity";
    } else if (code == SHA2_256) {
      return "sha2-256";
    } else if (code == SHA2_512) {
      return "sha2-512";
    } else if (code == BLAKE2B_256) {
      return "blake2b-256";
    } else if (code == RAW) {
      return "raw";
    } else if (code == DAG_PB) {
      return "dag-pb";
    } else if (code == DAG_CBOR) {
      return "dag-cbor";
    } else if (code == LIBP2P_KEY) {
      return "libp2p-key";
    } else if (code == DAG_JSON) {
      return "dag-json";
    }
    return "0x" + Long.toHexString(code);
  }
}
