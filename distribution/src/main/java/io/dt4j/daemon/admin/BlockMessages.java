package io.dt4j.daemon.admin;

/** The admin API's import and export requests and replies (also {@code dt4j import --json}). */
public final class BlockMessages {
  private BlockMessages() {}

  /**
   * {@code ClientImport}: import a file the daemon can read into its block store.
   *
   * @param path the file, an absolute path on the daemon's machine
   * @param profile the profile's name, for the report
   * @param cidVersion CID version of dag-pb nodes, 0 or 1
   * @param chunkSize bytes per leaf
   * @param rawLeaves whether leaves are raw blocks
   * @param maxLinks most links per inner node
   */
  public record Import(
      String path,
      String profile,
      int cidVersion,
      int chunkSize,
      boolean rawLeaves,
      int maxLinks) {}

  /**
   * What an import did.
   *
   * @param root the root CID
   * @param name the file's name
   * @param fileSize the file's bytes
   * @param blocks distinct blocks stored (or written to the CAR)
   * @param blockBytes their bytes (with {@code --car}: the CAR's size)
   * @param car the CAR written, or null
   * @param blockstore the block store's folder, or null
   * @param profile the profile
   * @param cidVersion the CID version
   * @param chunkSize the chunk size
   * @param rawLeaves whether leaves are raw
   * @param maxLinks the most links per node
   * @param seconds how long it took
   */
  public record ImportReport(
      String root,
      String name,
      long fileSize,
      long blocks,
      long blockBytes,
      String car,
      String blockstore,
      String profile,
      int cidVersion,
      int chunkSize,
      boolean rawLeaves,
      int maxLinks,
      double seconds) {}

  /**
   * {@code ClientExport}: write a UnixFS file from the daemon's block store to a path.
   *
   * @param root the root CID
   * @param path the output file, an absolute path on the daemon's machine
   */
  public record Export(String root, String path) {}

  /**
   * What an export did.
   *
   * @param root the root CID
   * @param out the file written
   * @param bytes its size
   * @param source {@code blocks} or the CAR file read
   * @param seconds how long it took
   */
  public record ExportReport(String root, String out, long bytes, String source, double seconds) {}
}
