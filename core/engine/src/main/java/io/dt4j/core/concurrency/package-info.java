/** Ordered execution on shared pools: the one-at-a-time executors of channels and streams. */
package io.dt4j.core.concurrency;
