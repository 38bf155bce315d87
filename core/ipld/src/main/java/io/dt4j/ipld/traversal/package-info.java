/**
 * Walking a DAG with a selector in exactly go-ipld-prime's order (graphsync spec §6.3, §5.4): the
 * {@link io.dt4j.ipld.traversal.Traversal} entry point, its pausable {@link
 * io.dt4j.ipld.traversal.TraversalCursor}, block loading and decoding by codec.
 */
package io.dt4j.ipld.traversal;
