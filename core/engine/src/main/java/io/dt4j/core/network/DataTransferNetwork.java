package io.dt4j.core.network;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.host.ConnectionListener;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.core.concurrency.SerialExecutor;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.messages.UnsupportedByVersionException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends and receives data-transfer messages over a {@link Host} (data-transfer.md §1): each message
 * on a fresh stream, offered as {@code /fil/datatransfer/1.1.0} then {@code 1.0.0} so that a 1.0
 * peer is spoken to in 1.0; opening retried with go-data-transfer's back-off; incoming streams read
 * until the peer closes them.
 */
public final class DataTransferNetwork implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("data_transfer_network");

  /** The protocols offered, in order of preference. */
  public static final List<String> PROTOCOLS =
      List.of(ProtocolVersion.V1_1.protocolId(), ProtocolVersion.V1_0.protocolId());

  private final FloodGuard guard;
  private final Host host;
  private final NetworkOptions options;
  private final ScheduledExecutorService scheduler;
  private final Executor dispatch;
  private final RandomGenerator random;
  private final List<String> protocols;
  private Subscription connections = () -> {};

  /**
   * Creates the network of a node.
   *
   * @param host the libp2p host
   * @param options timeouts, retries, limits
   * @param scheduler runs timers and back-offs
   * @param dispatch runs the receiver's callbacks (ordered per stream on top of it)
   * @param random the back-off jitter
   */
  public DataTransferNetwork(
      Host host,
      NetworkOptions options,
      ScheduledExecutorService scheduler,
      Executor dispatch,
      RandomGenerator random) {
    this(
        host,
        options,
        scheduler,
        dispatch,
        random,
        List.of(ProtocolVersion.V1_1, ProtocolVersion.V1_0),
        RequestLimits.DEFAULT);
  }

  /**
   * Creates the network of a node that speaks only some protocol versions — a node of
   * go-data-transfer before v1.1 speaks only {@code 1.0.0}; tests use it to play such a peer.
   *
   * @param host the libp2p host
   * @param options timeouts, retries, limits
   * @param scheduler runs timers and back-offs
   * @param dispatch runs the receiver's callbacks (ordered per stream on top of it)
   * @param random the back-off jitter
   * @param versions the versions served and offered, in order of preference
   */
  public DataTransferNetwork(
      Host host,
      NetworkOptions options,
      ScheduledExecutorService scheduler,
      Executor dispatch,
      RandomGenerator random,
      List<ProtocolVersion> versions) {
    this(host, options, scheduler, dispatch, random, versions, RequestLimits.DEFAULT);
  }

  /**
   * Creates the network with limits on the channel requests each peer may send.
   *
   * @param host the libp2p host
   * @param options timeouts, retries, limits
   * @param scheduler runs timers and back-offs
   * @param dispatch runs the receiver's callbacks (ordered per stream on top of it)
   * @param random the back-off jitter
   * @param versions the versions served and offered, in order of preference
   * @param limits how many channel-opening requests a peer may send
   */
  public DataTransferNetwork(
      Host host,
      NetworkOptions options,
      ScheduledExecutorService scheduler,
      Executor dispatch,
      RandomGenerator random,
      List<ProtocolVersion> versions,
      RequestLimits limits) {
    this.guard =
        new FloodGuard(new RequestLimiter(limits, System::nanoTime), host, this::sendRejection);
    this.host = host;
    this.options = options;
    this.scheduler = scheduler;
    this.dispatch = dispatch;
    this.random = random;
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a data-transfer network needs a protocol version");
    }
    this.protocols = versions.stream().map(ProtocolVersion::protocolId).toList();
  }

  /**
   * Starts receiving: serves both protocol versions and reports disconnections.
   *
   * @param receiver where messages go
   */
  public void start(MessageReceiver receiver) {
    for (String protocol : protocols) {
      ProtocolVersion version = ProtocolVersion.of(protocol).orElseThrow();
      host.setStreamHandler(
          protocol,
          stream ->
              new InboundStream(
                      stream,
                      version,
                      receiver,
                      new SerialExecutor(dispatch),
                      scheduler,
                      options,
                      guard)
                  .start());
    }
    connections =
        host.addConnectionListener(
            new ConnectionListener() {
              @Override
              public void connected(PeerId peer) {}

              @Override
              public void disconnected(PeerId peer) {
                dispatch.execute(() -> receiver.peerDisconnected(peer));
              }
            });
  }

  /** Returns this node's peer id. */
  public PeerId self() {
    return host.peerId();
  }

  /**
   * Sends one message on a new stream, in the version the peer negotiates.
   *
   * @param to the peer
   * @param message the message
   * @return completes when the message was written and the stream half-closed; fails with {@link
   *     SendFailedException} or {@link UnsupportedByVersionException}
   */
  public CompletionStage<Void> sendMessage(PeerId to, TransferMessage message) {
    return openStream(to, options.maxStreamOpenAttempts())
        .thenCompose(stream -> write(stream, message));
  }

  /** A throttled peer's rejection: one attempt, no back-off, a failure only logged. */
  private void sendRejection(PeerId to, TransferResponse rejection) {
    openStream(to, 1)
        .thenCompose(stream -> write(stream, rejection))
        .whenComplete(
            (v, error) -> {
              if (error != null) {
                log.debug("rejection not sent to {}: {}", to, rootMessage(error));
              }
            });
  }

  /**
   * Checks that a peer can be reached: opens a stream with retries, then closes it.
   *
   * @param peer the peer
   * @return completes when a stream could be opened
   */
  public CompletionStage<Void> connectWithRetry(PeerId peer) {
    return openStream(peer, options.maxStreamOpenAttempts()).thenAccept(Stream::closeWrite);
  }

  private CompletableFuture<Stream> openStream(PeerId peer, int attempts) {
    CompletableFuture<Stream> result = new CompletableFuture<>();
    attempt(peer, 0, attempts, result);
    return result;
  }

  private void attempt(PeerId peer, int k, int attempts, CompletableFuture<Stream> result) {
    CompletableFuture<Stream> attempt = new CompletableFuture<>();
    host.newStream(peer, protocols)
        .whenComplete(
            (stream, error) -> {
              if (stream != null && !attempt.complete(stream)) {
                stream.reset(); // arrived after the attempt timed out
              } else if (error != null) {
                attempt.completeExceptionally(error);
              }
            });
    scheduler.schedule(
        () ->
            attempt.completeExceptionally(
                new TimeoutException("opening a stream took over " + options.openStreamTimeout())),
        options.openStreamTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    attempt.whenComplete(
        (stream, error) -> {
          if (error == null) {
            result.complete(stream);
          } else if (k + 1 >= attempts) {
            result.completeExceptionally(
                new SendFailedException(
                    "exhausted "
                        + attempts
                        + " attempts but failed to open stream to "
                        + peer
                        + ", err: "
                        + rootMessage(error),
                    error));
          } else {
            scheduler.schedule(
                () -> attempt(peer, k + 1, attempts, result),
                options.backoff(k, random.nextDouble()).toMillis(),
                TimeUnit.MILLISECONDS);
          }
        });
  }

  private CompletionStage<Void> write(Stream stream, TransferMessage message) {
    byte[] bytes;
    try {
      ProtocolVersion version =
          ProtocolVersion.of(stream.protocolId())
              .orElseThrow(() -> new IllegalStateException("negotiated " + stream.protocolId()));
      bytes = MessageCodec.encode(message, version);
    } catch (UnsupportedByVersionException e) {
      stream.reset();
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Void> written =
        stream
            .write(ByteBuffer.wrap(bytes))
            .thenCompose(v -> stream.closeWrite())
            .toCompletableFuture();
    scheduler.schedule(
        () ->
            written.completeExceptionally(
                new TimeoutException(
                    "writing a message took over " + options.sendMessageTimeout())),
        options.sendMessageTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    return written.handle(
        (v, error) -> {
          if (error != null) {
            stream.reset();
            throw new java.util.concurrent.CompletionException(
                new SendFailedException(
                    "failed to send a "
                        + message.type()
                        + " message to "
                        + stream.remotePeer()
                        + ": "
                        + rootMessage(error),
                    error));
          }
          return null;
        });
  }

  private static String rootMessage(Throwable error) {
    Throwable t = error;
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Stops serving the protocols. */
  @Override
  public void close() {
    protocols.forEach(host::removeStreamHandler);
    connections.close();
  }
}
