/**
 * IPLD selectors in the dialect go-graphsync 1.0.0 peers understand (graphsync spec §6): the {@link
 * io.dt4j.ipld.selector.Selector} variants, their strict parser {@link
 * io.dt4j.ipld.selector.SelectorParser} and the go-ipld-prime questions each variant answers
 * (interests, explore, decide). The traversal that drives them lives in {@code
 * io.dt4j.ipld.traversal}.
 */
package io.dt4j.ipld.selector;
