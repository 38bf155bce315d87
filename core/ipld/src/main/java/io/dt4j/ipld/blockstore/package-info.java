/**
 * Persistent {@link io.dt4j.ipld.Blockstore} implementations: {@link
 * io.dt4j.ipld.blockstore.FileBlockstore} keeps one crash-safe file per block under a directory.
 */
package io.dt4j.ipld.blockstore;
