package io.dt4j.graphsync.transport;

import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A UnixFS file of random bytes imported into an in-memory blockstore (256 KiB chunks, as Kubo).
 *
 * @param store the blockstore holding exactly the file's blocks
 * @param root the file's root
 */
record TestFile(InMemoryBlockstore store, Cid root) {

  static TestFile random(int size, long seed) throws IOException {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    InMemoryBlockstore store = new InMemoryBlockstore();
    ImportResult result =
        UnixFsImporter.importFile(new ByteArrayInputStream(data), ImportOptions.KUBO, store::put);
    return new TestFile(store, result.root());
  }

  /** The number of the file's blocks. */
  long blockCount() {
    return store.cids().count();
  }

  /** The bytes of all the file's blocks. */
  long blockBytes() {
    return store.cids().mapToLong(cid -> store.size(cid).orElseThrow()).sum();
  }

  /** Tells whether {@code other} holds exactly the file's blocks, byte for byte. */
  boolean sameBlocksIn(Blockstore other) {
    return other.cids().count() == blockCount()
        && store
            .cids()
            .allMatch(
                cid ->
                    other.get(cid).isPresent()
                        && Arrays.equals(other.get(cid).get(), store.get(cid).get()));
  }
}
