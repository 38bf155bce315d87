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
   * A block the loader returned. The public constructor and {@link #data()} copy the array; the
   * traversal hands its loader's array over with {@link #adopt} and a reader on the data path takes
   * it with {@link #dataUnsafe()}, so a loaded block is not copied on its way through.
   */
  final class Loaded implements BlockEvent {
    private final Cid cid;
    private final Path path;
    private final byte[] data;

    /**
     * Copies the data and rejects nulls.
     *
     * @param cid the block's CID
     * @param path the path of the link that was followed
     * @param data the block's bytes
     */
    public Loaded(Cid cid, Path path, byte[] data) {
      this(cid, path, data, true);
    }

    private Loaded(Cid cid, Path path, byte[] data, boolean copy) {
      this.cid = Objects.requireNonNull(cid, "cid");
      this.path = Objects.requireNonNull(path, "path");
      this.data = copy ? data.clone() : Objects.requireNonNull(data, "data");
    }

    /**
     * Makes a load event of an array handed over without a copy: nobody may change it afterwards.
     *
     * @param cid the block's CID
     * @param path the path of the link that was followed
     * @param data the block's bytes, shared
     * @return the event
     */
    public static Loaded adopt(Cid cid, Path path, byte[] data) {
      return new Loaded(cid, path, data, false);
    }

    @Override
    public Cid cid() {
      return cid;
    }

    @Override
    public Path path() {
      return path;
    }

    /**
     * Returns a copy of the block's bytes.
     *
     * @return the bytes
     */
    public byte[] data() {
      return data.clone();
    }

    /**
     * Returns the block's bytes without a copy, for a reader on the data path. Never change them.
     *
     * @return the bytes, shared
     */
    public byte[] dataUnsafe() {
      return data;
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

    /** Hashes CID and path only: the bytes may be large, and equal loads have equal CIDs. */
    @Override
    public int hashCode() {
      return Objects.hash(cid, path);
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
