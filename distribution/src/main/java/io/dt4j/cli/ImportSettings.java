package io.dt4j.cli;

import io.dt4j.ipld.unixfs.ImportOptions;
import picocli.CommandLine.Option;

/**
 * The DAG-building options {@code dt4j import} and {@code dt4j cid} share, in kubo's vocabulary. A
 * profile gives the defaults; each flag given overrides it. As in kubo, {@code --cid-version 1}
 * without {@code --raw-leaves} implies raw leaves and {@code --cid-version 0} implies UnixFS
 * leaves.
 */
final class ImportSettings {
  private static final String CHUNKER_PREFIX = "size-";

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "kubo",
      converter = ImportProfile.Converter.class,
      description =
          "kubo (CIDv0, 256 KiB chunks, UnixFS leaves, 174 links; the default),"
              + " ipfs-car (CIDv1, 1 MiB, raw leaves, 1024 links) or unixfs-v1-2025 (same as ipfs-car).")
  private ImportProfile profile;

  @Option(names = "--cid-version", paramLabel = "0|1", description = "CID version of dag-pb nodes.")
  private Integer cidVersion;

  @Option(names = "--chunk-size", paramLabel = "N", description = "Bytes per leaf (1 to 1048576).")
  private Integer chunkSize;

  @Option(
      names = {"-s", "--chunker"},
      paramLabel = "size-N",
      description = "kubo's chunker syntax; only fixed-size chunks (size-N) are supported.")
  private String chunker;

  @Option(
      names = "--raw-leaves",
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description = "Raw leaf blocks (default: the profile's, true with --cid-version 1).")
  private Boolean rawLeaves;

  @Option(names = "--max-links", paramLabel = "N", description = "Most links per inner node.")
  private Integer maxLinks;

  /**
   * The options these flags select.
   *
   * @throws CliUsageException if a value is out of range or two flags disagree
   */
  ImportOptions options() {
    ImportOptions base = profile.options();
    int version = cidVersion != null ? cidVersion : base.cidVersion();
    if (version != 0 && version != 1) {
      throw new CliUsageException("--cid-version must be 0 or 1, not " + version);
    }
    boolean raw =
        rawLeaves != null ? rawLeaves : cidVersion != null ? version == 1 : base.rawLeaves();
    int chunk = chunk(base.chunkSize());
    int links = maxLinks != null ? maxLinks : base.maxLinks();
    if (chunk < 1 || chunk > ImportOptions.MAX_CHUNK_SIZE) {
      throw new CliUsageException(
          "chunk size must be 1 to " + ImportOptions.MAX_CHUNK_SIZE + " bytes, not " + chunk);
    }
    if (links < 2 || links > ImportOptions.MAX_LINKS) {
      throw new CliUsageException(
          "--max-links must be 2 to " + ImportOptions.MAX_LINKS + ", not " + links);
    }
    try {
      return new ImportOptions(chunk, raw, version, links);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(e.getMessage());
    }
  }

  /** The profile's name, for reports. */
  String profileName() {
    return profile.label();
  }

  private int chunk(int profileChunk) {
    Integer fromChunker = chunker == null ? null : parseChunker(chunker);
    if (fromChunker != null && chunkSize != null && !fromChunker.equals(chunkSize)) {
      throw new CliUsageException(
          "--chunker " + chunker + " and --chunk-size " + chunkSize + " disagree; give one");
    }
    return fromChunker != null ? fromChunker : chunkSize != null ? chunkSize : profileChunk;
  }

  private static int parseChunker(String value) {
    if (!value.startsWith(CHUNKER_PREFIX)) {
      throw new CliUsageException(
          "unsupported chunker '" + value + "': only fixed-size chunks, size-N, are supported");
    }
    try {
      return Integer.parseInt(value.substring(CHUNKER_PREFIX.length()));
    } catch (NumberFormatException e) {
      throw new CliUsageException("bad chunker '" + value + "': expected size-N, e.g. size-262144");
    }
  }
}
