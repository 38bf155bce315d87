package io.dt4j.libp2p.protocols;

import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a stream until the peer half-closes, up to a limit; a longer stream is reset and fails with
 * {@link ProtocolException}. For small messages (identify), not for bulk data.
 */
final class ReadToEnd implements StreamListener {
  private final Stream stream;
  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();

  private ReadToEnd(Stream stream, int limit) {
    this.stream = stream;
    this.limit = limit;
  }

  static CompletableFuture<byte[]> read(Stream stream, int limit) {
    ReadToEnd reader = new ReadToEnd(stream, limit);
    stream.setListener(reader);
    return reader.result;
  }

  @Override
  public void onData(ByteBuffer data) {
    if (result.isDone()) {
      return;
    }
    if (bytes.size() + data.remaining() > limit) {
      stream.reset();
      result.completeExceptionally(
          new ProtocolException(
              stream.protocolId()
                  + " from "
                  + stream.remotePeer()
                  + " exceeds "
                  + limit
                  + " bytes"));
      return;
    }
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    bytes.writeBytes(chunk);
  }

  @Override
  public void onRemoteClose() {
    result.complete(bytes.toByteArray());
  }

  @Override
  public void onReset(StreamException cause) {
    result.completeExceptionally(cause);
  }
}
