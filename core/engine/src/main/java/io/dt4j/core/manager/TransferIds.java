package io.dt4j.core.manager;

import io.dt4j.api.TransferId;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates transfer ids as Go does (data-transfer.md §2.7): a counter seeded with the current Unix
 * time in nanoseconds, one up per new channel, so that ids stay unique across restarts of a node.
 */
final class TransferIds {
  private final AtomicLong next;

  TransferIds(Clock clock) {
    Instant now = clock.instant();
    this.next = new AtomicLong(now.getEpochSecond() * 1_000_000_000L + now.getNano());
  }

  TransferId next() {
    return new TransferId(next.getAndIncrement());
  }
}
