package io.dt4j.ipld.unixfs;

/**
 * How {@link UnixFsImporter} builds a file DAG: fixed-size chunks, leaf kind, CID version and the
 * balanced layout's width.
 *
 * @param chunkSize bytes per leaf, 1 to {@link #MAX_CHUNK_SIZE}
 * @param rawLeaves true for raw (0x55) leaf blocks, which are always CIDv1; false for dag-pb UnixFS
 *     File leaves
 * @param cidVersion 0 or 1, the CID version of dag-pb blocks
 * @param maxLinks most links per inner node, 2 to {@link #MAX_LINKS}
 */
public record ImportOptions(int chunkSize, boolean rawLeaves, int cidVersion, int maxLinks) {
  /** Largest chunk: kubo's chunker limit (1 MiB), so blocks stay within bitswap's block limit. */
  public static final int MAX_CHUNK_SIZE = 1 << 20;

  /** Most links per node: keeps an inner node under ~512 KiB (about 64 bytes per link). */
  public static final int MAX_LINKS = 8192;

  /** kubo {@code ipfs add} defaults: CIDv0, 256 KiB chunks, UnixFS leaves, 174 links. */
  public static final ImportOptions KUBO = new ImportOptions(262_144, false, 0, 174);

  /** ipfs-car 3.1 {@code pack --no-wrap} defaults: CIDv1, 1 MiB chunks, raw leaves, 1024 links. */
  public static final ImportOptions IPFS_CAR = new ImportOptions(1_048_576, true, 1, 1024);

  /**
   * Checks the ranges.
   *
   * @param chunkSize bytes per leaf
   * @param rawLeaves raw leaves or UnixFS leaves
   * @param cidVersion 0 or 1
   * @param maxLinks most links per inner node
   * @throws IllegalArgumentException if a value is out of range
   */
  public ImportOptions {
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "chunkSize must be 1.." + MAX_CHUNK_SIZE + ", got " + chunkSize);
    }
    if (cidVersion != 0 && cidVersion != 1) {
      throw new IllegalArgumentException("cidVersion must be 0 or 1, got " + cidVersion);
    }
    if (maxLinks < 2 || maxLinks > MAX_LINKS) {
      throw new IllegalArgumentException("maxLinks must be 2.." + MAX_LINKS + ", got " + maxLinks);
    }
  }
}
