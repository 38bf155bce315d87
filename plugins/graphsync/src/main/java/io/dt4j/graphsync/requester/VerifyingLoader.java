package io.dt4j.graphsync.requester;

import io.dt4j.graphsync.BlockNotReceivedException;
import io.dt4j.graphsync.GraphsyncException;
import io.dt4j.graphsync.ResponderFailedException;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a request's traversal loads its blocks (graphsync spec §5.3 step 3, §5.4). For each link,
 * in this order: an identity CID is its own data; a link the responder listed as missing is
 * skipped; a block received from the peer is used and stored — verified, since its CID was derived
 * from its bytes and is exactly the one the traversal asks for; a block the local store has is used
 * (do-not-send-cids, de-duplication). Otherwise: if the responder listed it as present, or finished
 * without it, the request fails; else the traversal waits ({@link #WAITING}, retried when more
 * arrives). A partial response (21) that ends without a link counts it as missing. Owned by the
 * peer's executor.
 */
final class VerifyingLoader implements BlockLoader {
  /** Thrown to make the traversal wait at this load; the cursor retries it later. */
  static final IOException WAITING = new WaitingForBlock();

  /** Carries a request failure out of the traversal. */
  static final class LoadFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient GraphsyncException failure;

    LoadFailedException(GraphsyncException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }

    GraphsyncException failure() {
      return failure;
    }
  }

  private static final class WaitingForBlock extends IOException {
    private static final long serialVersionUID = 1L;

    WaitingForBlock() {
      super("waiting for the block to arrive", null);
    }

    @Override
    public Throwable fillInStackTrace() {
      return this; // a signal, thrown often: no stack trace
    }
  }

  private final String context;
  private final UnverifiedBlockCache cache;
  private final Announcements announcements;
  private final Blockstore store;
  private final Set<Cid> loaded = new LinkedHashSet<>();
  private ResponseStatusCode terminalStatus;
  private BlockData lastLoad;

  VerifyingLoader(
      String context, UnverifiedBlockCache cache, Announcements announcements, Blockstore store) {
    this.context = context;
    this.cache = cache;
    this.announcements = announcements;
    this.store = store;
  }

  /** Sets the terminal status the responder sent, or clears it (null) when the request restarts. */
  void terminalStatus(ResponseStatusCode status) {
    terminalStatus = status;
  }

  /** Returns the CIDs the traversal has loaded so far (the do-not-send-cids of a restart). */
  Set<Cid> loaded() {
    return loaded;
  }

  /** Returns the block the last successful load returned, with its size on the wire. */
  BlockData lastLoad() {
    return lastLoad;
  }

  @Override
  public Optional<byte[]> load(Cid cid) throws IOException {
    if (cid.multihash().code() == Multicodec.IDENTITY) {
      return found(cid, cid.multihash().digest(), 0);
    }
    if (announcements.takeMissing(cid)) {
      return Optional.empty();
    }
    UnverifiedBlockCache.Held received = cache.get(cid);
    if (received != null) {
      announcements.takePresent(cid);
      store.put(received.block());
      return found(cid, received.data(), received.data().length);
    }
    Optional<byte[]> local = store.get(cid);
    if (local.isPresent()) {
      announcements.takePresent(cid);
      return found(cid, local.get(), 0);
    }
    if (announcements.isPresent(cid)) {
      throw failed(
          new BlockNotReceivedException(
              cid,
              "the responder listed block "
                  + cid
                  + " as sent but no block with that CID arrived"
                  + " (bytes that do not hash to it are dropped); "
                  + context));
    }
    if (terminalStatus == null) {
      throw WAITING;
    }
    if (terminalStatus.isFailure()) {
      throw failed(new ResponderFailedException(terminalStatus, context));
    }
    if (terminalStatus == ResponseStatusCode.REQUEST_COMPLETED_PARTIAL) {
      return Optional.empty();
    }
    throw failed(
        new BlockNotReceivedException(
            cid, "the response completed without block " + cid + "; " + context));
  }

  private Optional<byte[]> found(Cid cid, byte[] data, int sizeOnWire) {
    loaded.add(cid);
    lastLoad = new BlockData(cid, data.length, sizeOnWire);
    return Optional.of(data);
  }

  private static LoadFailedException failed(GraphsyncException failure) {
    return new LoadFailedException(failure);
  }
}
