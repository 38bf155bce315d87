package io.dt4j.graphsync.network;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.host.ConnectionListener;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamHandler;
import io.dt4j.api.host.StreamListener;
import io.dt4j.ipld.Multihash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host whose outbound streams record what is written; writes fail while {@link #failWrites} is
 * above zero (counting down), and opening fails while {@link #failOpens} is.
 */
final class FakeHost implements Host {
  static final PeerId PEER = PeerId.fromBytes(Multihash.sha256(new byte[] {1}).toBytes());

  final List<byte[]> written = new ArrayList<>();
  final List<FakeStream> streams = new ArrayList<>();
  final AtomicInteger failWrites = new AtomicInteger();
  final AtomicInteger failOpens = new AtomicInteger();

  @Override
  public PeerId peerId() {
    return PEER;
  }

  @Override
  public CompletionStage<Stream> newStream(PeerId peer, List<String> protocolIds) {
    if (failOpens.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new StreamException("peer unreachable"));
    }
    FakeStream stream = new FakeStream(peer, protocolIds.get(0));
    streams.add(stream);
    return CompletableFuture.completedFuture(stream);
  }

  @Override
  public void setStreamHandler(String protocolId, StreamHandler handler) {}

  @Override
  public void removeStreamHandler(String protocolId) {}

  @Override
  public Set<PeerId> connectedPeers() {
    return Set.of();
  }

  @Override
  public Subscription addConnectionListener(ConnectionListener listener) {
    return () -> {};
  }

  /** A stream that records writes. */
  final class FakeStream implements Stream {
    private final PeerId peer;
    private final String protocol;
    boolean reset;

    FakeStream(PeerId peer, String protocol) {
      this.peer = peer;
      this.protocol = protocol;
    }

    @Override
    public PeerId remotePeer() {
      return peer;
    }

    @Override
    public String protocolId() {
      return protocol;
    }

    @Override
    public void setListener(StreamListener listener) {}

    @Override
    public CompletionStage<Void> write(ByteBuffer data) {
      if (failWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new StreamException("stream reset by peer"));
      }
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      written.add(bytes);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> closeWrite() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void reset() {
      reset = true;
    }

    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}
  }
}
