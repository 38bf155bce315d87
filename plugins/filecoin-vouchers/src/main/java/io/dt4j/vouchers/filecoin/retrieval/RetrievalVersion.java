package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.cborgen.StructCodec;

/**
 * The two encodings of the retrieval market types that go-fil-markets v1.6–v1.9 register side by
 * side (go-data-transfer v1.7): the current map-encoded types with {@code /1} names, and the legacy
 * tuple-encoded types of the {@code migrations} package, kept for older clients.
 */
public enum RetrievalVersion {
  /** Legacy: cbor-gen tuples, names without a version ({@code RetrievalDealProposal}). */
  V0("", StructCodec.Layout.TUPLE),
  /** Current: cbor-gen maps, names ending {@code /1} ({@code RetrievalDealProposal/1}). */
  V1("/1", StructCodec.Layout.MAP);

  private final String suffix;
  private final StructCodec.Layout layout;

  RetrievalVersion(String suffix, StructCodec.Layout layout) {
    this.suffix = suffix;
    this.layout = layout;
  }

  /** Returns how cbor-gen lays out the structs of this version. */
  public StructCodec.Layout layout() {
    return layout;
  }

  /**
   * Returns the registry name of a retrieval type in this version.
   *
   * @param baseName e.g. {@code RetrievalDealProposal}
   * @return e.g. {@code RetrievalDealProposal/1}
   */
  public String typeName(String baseName) {
    return baseName + suffix;
  }
}
