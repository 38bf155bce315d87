package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;
import java.util.Objects;

/**
 * One link load of a traversal, in traversal order: what a graphsync responder turns into a
 * response-metadata entry {@code {link, blockPresent}} (graphsync spec §5.1, §5.4).
 */
public sealed interface BlockEvent permits BlockEvent.Loaded, BlockEvent.Missing {

  /**
   * Returns the block's CID.
   *
   * @return the CID
   */
  Cid cid();

  /**
   * Returns the path of the link that was followed; empty for the root block.
   *
   * @return the path
   */
  Path path();

  /**
   * A block the loader returned; the data is copied in and out.
   *
   * @param cid the block's CID
   * @param path the path of the link that was followed
   * @param data the block's bytes
   */
  record Loaded(Cid cid, Path path, byte[] data) implements BlockEvent {
    /**
     * Copies the data and rejects nulls.
     *
     * @param cid the block's CID
     * @param path the path of the link that was followed
     * @param data the block's bytes
     */
    public Loaded {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(path, "path");
      data = data.clone();
    }

    /**
     * Returns a copy of the block's bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] data() {
      return data.clone();
    }

    /**
     * Returns the block's size without copying it.
     *
     * @return the size in bytes
     */
    public int size() {
      return data.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Loaded that
          && cid.equals(that.cid)
          && path.equals(that.path)
          && java.util.Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
      return Objects.hash(cid, path, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
      return "Loaded[" + cid + " at '" + path + "', " + data.length + " bytes]";
    }
  }

  /**
   * A block the loader did not have; the traversal did not descend into it.
   *
   * @param cid the block's CID
   * @param path the path of the link that was followed
   */
  record Missing(Cid cid, Path path) implements BlockEvent {
    /**
     * Rejects nulls.
     *
     * @param cid the block's CID
     * @param path the path of the link that was followed
     */
    public Missing {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(path, "path");
    }
  }
}
