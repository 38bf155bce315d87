/**
 * {@code dt4j demo}: two dt4j nodes in one process on loopback, the distribution's plugins, a
 * generated file moved from one to the other over the configured transport with an example voucher,
 * and the received bytes checked against the source. Nothing here is needed to run a node; it shows
 * that one works.
 */
package io.dt4j.demo;
