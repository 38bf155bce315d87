package io.dt4j.graphsync.engine;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A responder's store for scenarios that need the responder at a known place: reading one chosen
 * block waits (at most 30 s) until the test opens the gate, and a transform may alter the bytes
 * returned for it (a corrupted block).
 */
public final class GatedBlockstore implements Blockstore {
  private final Blockstore inner;
  private final Cid gated;
  private final UnaryOperator<byte[]> transform;
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch gate;

  private GatedBlockstore(
      Blockstore inner, Cid gated, UnaryOperator<byte[]> transform, boolean closed) {
    this.inner = inner;
    this.gated = gated;
    this.transform = transform;
    this.gate = new CountDownLatch(closed ? 1 : 0);
  }

  /** Reading {@code cid} waits for {@link #open()}. */
  public static GatedBlockstore gate(Blockstore inner, Cid cid) {
    return new GatedBlockstore(inner, cid, UnaryOperator.identity(), true);
  }

  /** Reading {@code cid} returns other bytes. */
  public static GatedBlockstore corrupt(
      Blockstore inner, Cid cid, UnaryOperator<byte[]> transform) {
    return new GatedBlockstore(inner, cid, transform, false);
  }

  public void awaitReached() throws InterruptedException {
    if (!reached.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gated block was never read");
    }
  }

  public void open() {
    gate.countDown();
  }

  @Override
  public Optional<byte[]> get(Cid cid) {
    if (!cid.equals(gated)) {
      return inner.get(cid);
    }
    reached.countDown();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the gate was never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return inner.get(cid).map(transform);
  }

  @Override
  public boolean has(Cid cid) {
    return inner.has(cid);
  }

  @Override
  public void put(Block block) {
    inner.put(block);
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
