package io.dt4j.graphsync.transport;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A recipient's in-memory store that counts how often each block was stored: graphsync stores a
 * block each time its bytes arrive, so a count above one means the block crossed the wire twice.
 * Storing one chosen block waits (at most 30 s) until the test opens the gate, which holds the
 * recipient at a known place with exactly the blocks before it stored.
 */
final class CountingBlockstore implements Blockstore {
  private final InMemoryBlockstore inner = new InMemoryBlockstore();
  private final Map<Cid, AtomicInteger> puts = new ConcurrentHashMap<>();
  private final Cid held;
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch gate = new CountDownLatch(1);

  /** Storing {@code held} waits for {@link #open()}. */
  CountingBlockstore(Cid held) {
    this.held = held;
  }

  void awaitReached() throws InterruptedException {
    if (!reached.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the held block never arrived");
    }
  }

  void open() {
    gate.countDown();
  }

  /** {@return the blocks stored more than once} */
  Map<Cid, Integer> storedTwice() {
    Map<Cid, Integer> twice = new ConcurrentHashMap<>();
    puts.forEach(
        (cid, count) -> {
          if (count.get() > 1) {
            twice.put(cid, count.get());
          }
        });
    return twice;
  }

  @Override
  public void put(Block block) {
    if (block.cid().equals(held)) {
      reached.countDown();
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the gate was never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    puts.computeIfAbsent(block.cid(), c -> new AtomicInteger()).incrementAndGet();
    inner.put(block);
  }

  @Override
  public boolean has(Cid cid) {
    return inner.has(cid);
  }

  @Override
  public Optional<byte[]> get(Cid cid) {
    return inner.get(cid);
  }

  @Override
  public boolean delete(Cid cid) {
    return inner.delete(cid);
  }

  @Override
  public OptionalLong size(Cid cid) {
    return inner.size(cid);
  }

  @Override
  public Stream<Cid> cids() {
    return inner.cids();
  }
}
