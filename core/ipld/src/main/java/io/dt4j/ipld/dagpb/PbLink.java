package io.dt4j.ipld.dagpb;

import io.dt4j.ipld.Cid;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A dag-pb link ({@code PBLink}): the target's CID, an optional name and an optional cumulative
 * size of the target subtree. A present-but-empty name ({@code ""}) differs from an absent one on
 * the wire ({@code 12 00}); go-unixfs and the JS importer write {@code ""} for file links.
 *
 * @param hash the linked CID (field 1, required)
 * @param name the link name (field 2), e.g. a directory entry name
 * @param tsize the cumulative encoded size of the target's subtree (field 3), never negative
 */
public record PbLink(Cid hash, Optional<String> name, OptionalLong tsize) {
  /**
   * Rejects nulls and a negative size.
   *
   * @param hash the linked CID
   * @param name the link name
   * @param tsize the cumulative size
   */
  public PbLink {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tsize, "tsize");
    if (tsize.isPresent() && tsize.getAsLong() < 0) {
      throw new IllegalArgumentException("Tsize must not be negative, got " + tsize.getAsLong());
    }
  }

  /**
   * Makes a link with both a name and a size, as UnixFS writes them.
   *
   * @param hash the linked CID
   * @param name the link name ({@code ""} for file chunks)
   * @param tsize the cumulative size of the target subtree
   * @return the link
   */
  public static PbLink of(Cid hash, String name, long tsize) {
    return new PbLink(hash, Optional.of(name), OptionalLong.of(tsize));
  }
}
