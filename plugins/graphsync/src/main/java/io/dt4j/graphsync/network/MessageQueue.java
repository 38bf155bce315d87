package io.dt4j.graphsync.network;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.graphsync.Graphsync;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.GraphsyncRequest;
import io.dt4j.ipld.protobuf.FrameDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound side of one peer (graphsync spec §1): requests and responder operations are batched
 * into messages, each message's block and extension bytes within the budget (a transaction never
 * straddles two messages), and written in order, each framed by its uvarint length, on one stream
 * opened lazily, a few messages pipelined. A failed write or open resets the stream and tries the
 * message — and those written after it — again on a new one, after a pause, up to the configured
 * attempts; then a message's contents are reported failed. A response that had written anything on
 * a stream that died does not go on over the next one (see {@link StreamResponses}): its queued
 * operations are dropped and reported failed, so that it ends with a network error instead.
 *
 * <p>Back-pressure: {@link #hasCapacity()} is false while the peer's queued and in-flight block
 * bytes exceed the limit; the listener is told when a message has gone out.
 *
 * <p>Owned by one executor (the peer's): every method must run on it, and every callback runs on
 * it.
 */
public final class MessageQueue {
  private static final Logger log = LoggerFactory.getLogger(MessageQueue.class);
  private static final int IN_FLIGHT_MESSAGES = 4;

  /** Told what happened to queued messages; calls run on the queue's executor. */
  public interface Listener {
    /**
     * A message was written to the stream.
     *
     * @param message what it carried
     */
    void messageSent(SentMessage message);

    /**
     * A message could not be sent after every attempt, or was too large to send.
     *
     * @param message what it carried
     * @param error the last failure
     */
    void messageFailed(SentMessage message, Exception error);
  }

  /**
   * A message encoded, with its length prefix, what it carries and how often it was tried. The
   * buffers (the prefix, then the body's segments, large blocks by reference) are written as they
   * are, with no copy into one frame; each attempt writes duplicates.
   */
  private record Outgoing(MessageBuilder contents, List<ByteBuffer> buffers, int attempt) {
    int size() {
      return buffers.stream().mapToInt(ByteBuffer::remaining).sum();
    }

    Outgoing again() {
      return new Outgoing(contents, buffers, attempt + 1);
    }
  }

  private final PeerId peer;
  private final Host host;
  private final Executor owner;
  private final ScheduledExecutorService timers;
  private final GraphsyncOptions options;
  private final Counters counters;
  private final Listener listener;
  private final Deque<MessageBuilder> sealed = new ArrayDeque<>();
  private MessageBuilder pending = new MessageBuilder();
  private long queuedBytes;
  private final Deque<Outgoing> inFlight = new ArrayDeque<>();
  private long inFlightBytes;
  private final Deque<Outgoing> retries = new ArrayDeque<>();
  private boolean retryScheduled;
  private Stream stream;
  private final StreamResponses onStream = new StreamResponses();
  private boolean opening;
  private int openFailures;
  private boolean closed;

  /**
   * Creates the queue; nothing is opened until something is queued.
   *
   * @param peer the peer messages go to
   * @param host opens the stream
   * @param owner the peer's executor
   * @param timers runs retry delays
   * @param options limits and retries
   * @param counters node-wide counters
   * @param listener told about sent and failed messages
   */
  public MessageQueue(
      PeerId peer,
      Host host,
      Executor owner,
      ScheduledExecutorService timers,
      GraphsyncOptions options,
      Counters counters,
      Listener listener) {
    this.peer = peer;
    this.host = host;
    this.owner = owner;
    this.timers = timers;
    this.options = options;
    this.counters = counters;
    this.listener = listener;
  }

  /**
   * Queues a request entry; it joins the message being assembled (size 0), unless that message
   * already has an entry for the same id, which it would replace.
   *
   * @param request the request, cancel or update
   */
  public void addRequest(GraphsyncRequest request) {
    if (pending.hasRequest(request.id())) {
      seal();
    }
    pending.addRequest(request);
    flush();
  }

  /**
   * Queues a responder operation, starting a new message first if the operation's bytes would take
   * the current one over the budget.
   *
   * @param operation the operation
   */
  public void addOperation(ResponseOperation operation) {
    int size = operation.budgetBytes();
    if (size > 0
        && pending.budgetBytes() > 0
        && pending.budgetBytes() + size > options.maxBlockBytesPerMessage()) {
      seal();
    }
    pending.addOperation(operation);
    queuedBytes += operation.wireBlockBytes();
    counters.queuedBytes(queuedBytes);
    flush();
  }

  /**
   * Tells whether responses may queue more blocks.
   *
   * @return true while the queued and in-flight block bytes are below the peer's limit
   */
  public boolean hasCapacity() {
    return queuedBytes < options.maxQueuedBytesPerPeer();
  }

  /** Drops everything queued and resets the stream; later calls are ignored. */
  public void close() {
    closed = true;
    sealed.clear();
    retries.clear();
    inFlight.clear();
    pending = new MessageBuilder();
    if (stream != null) {
      stream.reset();
      stream = null;
    }
  }

  /**
   * The peer disconnected: every response operation not yet known to be written is dropped and
   * reported failed (Go shuts the peer's message queue down, so its responses end with a network
   * error); request entries stay queued and go out once the peer is reachable again. A response
   * must not wind down over the next connection: its requester has moved on (e.g. restarted).
   *
   * @param error what the failed operations are reported with
   */
  public void dropResponses(Exception error) {
    if (closed) {
      return;
    }
    if (stream != null) {
      stream.reset();
      stream = null;
    }
    onStream.streamLost();
    seal();
    List<MessageBuilder> all = new ArrayList<>();
    retries.forEach(r -> all.add(r.contents()));
    inFlight.forEach(r -> all.add(r.contents()));
    all.addAll(sealed);
    retries.clear();
    inFlight.clear();
    inFlightBytes = 0;
    sealed.clear();
    List<ResponseOperation> dropped = new ArrayList<>();
    for (MessageBuilder contents : all) {
      MessageBuilder kept = contents.requestsOnly();
      if (!kept.isEmpty()) {
        sealed.add(kept);
      }
      release(contents);
      dropped.addAll(contents.sent().operations());
    }
    if (!dropped.isEmpty()) {
      listener.messageFailed(new SentMessage(List.of(), dropped), error);
    }
    flush();
  }

  private void seal() {
    if (!pending.isEmpty()) {
      sealed.add(pending);
      pending = new MessageBuilder();
    }
  }

  /**
   * Writes what is ready while the bytes in flight are below the pipeline's bound: retries first,
   * then sealed messages; the message still being assembled goes only when nothing is in flight, so
   * that messages fill up while the stream is busy (as Go's sender takes what is pending whenever
   * it is free).
   */
  private void flush() {
    if (closed || retryScheduled) {
      return;
    }
    if (stream == null) {
      if (!retries.isEmpty() || !sealed.isEmpty() || !pending.isEmpty()) {
        open();
      }
      return;
    }
    while (inFlightBytes < maxInFlightBytes()) {
      Outgoing next = !retries.isEmpty() ? retries.poll() : encodeNext(inFlight.isEmpty());
      if (next == null) {
        return;
      }
      inFlight.add(next);
      inFlightBytes += next.size();
      Stream target = stream;
      CompletableFuture<?>[] writes = new CompletableFuture<?>[next.buffers().size()];
      for (int i = 0; i < writes.length; i++) {
        writes[i] = target.write(next.buffers().get(i).duplicate()).toCompletableFuture();
      }
      CompletableFuture.allOf(writes)
          .whenComplete((ok, error) -> owner.execute(() -> written(next, target, error)));
    }
  }

  /** Writes may be pipelined up to a few messages' worth of blocks. */
  private long maxInFlightBytes() {
    return (long) IN_FLIGHT_MESSAGES * options.maxBlockBytesPerMessage();
  }

  private Outgoing encodeNext(boolean takePending) {
    while (true) {
      MessageBuilder contents = sealed.poll();
      if (contents == null) {
        if (!takePending || pending.isEmpty()) {
          return null;
        }
        contents = pending;
        pending = new MessageBuilder();
      }
      Outgoing encoded = encode(contents, 1);
      if (encoded != null) {
        return encoded;
      }
    }
  }

  /** Encodes a message; one over the size limit is reported failed (null). */
  private Outgoing encode(MessageBuilder contents, int attempt) {
    List<ByteBuffer> body = GraphsyncMessageCodec.encodeToSegments(contents.build());
    int bodyBytes = body.stream().mapToInt(ByteBuffer::remaining).sum();
    if (bodyBytes <= options.maxMessageBytes()) {
      List<ByteBuffer> buffers = new ArrayList<>(body.size() + 1);
      buffers.add(ByteBuffer.wrap(FrameDecoder.lengthPrefix(bodyBytes)));
      buffers.addAll(body);
      return new Outgoing(contents, buffers, attempt);
    }
    fail(
        contents,
        new IllegalStateException(
            "message of "
                + bodyBytes
                + " bytes to "
                + peer
                + " is over the limit of "
                + options.maxMessageBytes()));
    return null;
  }

  private void written(Outgoing message, Stream target, Throwable error) {
    if (closed || !inFlight.remove(message)) {
      return; // closed, or already taken back for a retry when an earlier write failed
    }
    inFlightBytes -= message.size();
    if (error == null) {
      openFailures = 0;
      if (target == stream) {
        onStream.written(message.contents());
      }
      release(message.contents());
      counters.messageSent();
      listener.messageSent(message.contents().sent());
      flush();
      return;
    }
    log.debug("write to {} failed (attempt {}): {}", peer, message.attempt(), error.toString());
    if (stream == target) {
      inFlight.addFirst(message);
      inFlightBytes += message.size();
      streamLost(target, asException(error));
    } else {
      sendAgain(List.of(message), error); // from a stream already replaced
    }
    retryLater();
  }

  /**
   * The stream died: every message in flight on it goes again, in order, on a new one; the
   * responses that had written on it are dropped and reported failed.
   */
  private void streamLost(Stream target, Exception error) {
    target.reset();
    stream = null;
    List<Outgoing> again = new ArrayList<>(inFlight);
    inFlight.clear();
    inFlightBytes = 0;
    sendAgain(again, error);
    dropResponsesOf(onStream.streamLost(), error);
  }

  /**
   * Puts messages, in order, at the head of the retries, or fails those that used their attempts.
   */
  private void sendAgain(List<Outgoing> again, Throwable error) {
    for (int i = again.size() - 1; i >= 0; i--) {
      Outgoing failed = again.get(i);
      if (failed.attempt() < options.sendAttempts()) {
        retries.addFirst(failed.again());
      } else {
        fail(failed.contents(), asException(error));
      }
    }
  }

  /**
   * Takes the operations of these responses out of every message not yet written and reports them
   * failed — with each response's last operation written on the dead stream when none is queued, so
   * that each of them is reported.
   */
  private void dropResponsesOf(Map<Integer, ResponseOperation> lost, Exception error) {
    if (lost.isEmpty()) {
      return;
    }
    Set<Integer> ids = lost.keySet();
    List<ResponseOperation> dropped = new ArrayList<>();
    List<Outgoing> keptRetries = new ArrayList<>();
    for (Outgoing retry : retries) {
      MessageBuilder kept = strip(retry.contents(), ids, dropped);
      if (kept == retry.contents()) {
        keptRetries.add(retry);
      } else if (!kept.isEmpty()) {
        Outgoing encoded = encode(kept, retry.attempt());
        if (encoded != null) {
          keptRetries.add(encoded);
        }
      }
    }
    retries.clear();
    retries.addAll(keptRetries);
    List<MessageBuilder> keptSealed = new ArrayList<>();
    for (MessageBuilder contents : sealed) {
      MessageBuilder kept = strip(contents, ids, dropped);
      if (!kept.isEmpty()) {
        keptSealed.add(kept);
      }
    }
    sealed.clear();
    sealed.addAll(keptSealed);
    pending = strip(pending, ids, dropped);
    Set<Integer> reported = new HashSet<>();
    dropped.forEach(op -> reported.add(op.request().id()));
    for (Map.Entry<Integer, ResponseOperation> response : lost.entrySet()) {
      if (!reported.contains(response.getKey())) {
        dropped.add(response.getValue());
      }
    }
    log.debug("{} responses to {} wrote on a stream that died; dropping them", ids.size(), peer);
    listener.messageFailed(new SentMessage(List.of(), dropped), error);
  }

  /** The message without the operations of these responses, which go to {@code dropped}. */
  private MessageBuilder strip(
      MessageBuilder contents, Set<Integer> ids, List<ResponseOperation> dropped) {
    if (!contents.hasResponseOf(ids)) {
      return contents;
    }
    MessageBuilder kept = contents.without(ids);
    contents.sent().operations().stream()
        .filter(op -> ids.contains(op.request().id()))
        .forEach(dropped::add);
    queuedBytes -= contents.wireBlockBytes() - kept.wireBlockBytes();
    return kept;
  }

  private void open() {
    if (opening) {
      return;
    }
    opening = true;
    host.newStream(peer, List.of(Graphsync.PROTOCOL_ID))
        .whenComplete((opened, error) -> owner.execute(() -> opened(opened, error)));
  }

  private void opened(Stream opened, Throwable error) {
    opening = false;
    if (closed) {
      if (opened != null) {
        opened.reset();
      }
      return;
    }
    if (error != null) {
      openFailures++;
      log.debug("opening a stream to {} failed ({}): {}", peer, openFailures, error.toString());
      if (openFailures >= options.sendAttempts()) {
        openFailures = 0;
        failHead(asException(error));
      }
      retryLater();
      return;
    }
    stream = opened;
    opened.setListener(new OutboundStreamWatcher(opened));
    flush();
  }

  /** Gives up on the message that would go next, after every attempt to open a stream failed. */
  private void failHead(Exception error) {
    Outgoing retry = retries.poll();
    if (retry != null) {
      fail(retry.contents(), error);
      return;
    }
    seal();
    MessageBuilder head = sealed.poll();
    if (head != null) {
      fail(head, error);
    }
  }

  private void retryLater() {
    retryScheduled = true;
    timers.schedule(
        () ->
            owner.execute(
                () -> {
                  retryScheduled = false;
                  flush();
                }),
        options.sendRetryDelay().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void fail(MessageBuilder contents, Exception error) {
    log.warn("giving up sending a message to {}: {}", peer, error.getMessage());
    release(contents);
    listener.messageFailed(contents.sent(), error);
  }

  private void release(MessageBuilder contents) {
    queuedBytes -= contents.wireBlockBytes();
  }

  private static Exception asException(Throwable error) {
    return error instanceof Exception e ? e : new StreamException(error.toString(), error);
  }

  /**
   * Our outbound stream only writes; the peer never answers on it (§1). A reset from the peer marks
   * it dead so the next message opens a new one.
   */
  private final class OutboundStreamWatcher implements StreamListener {
    private final Stream watched;

    OutboundStreamWatcher(Stream watched) {
      this.watched = watched;
    }

    @Override
    public void onData(ByteBuffer data) {
      // nothing is expected on a stream we opened; ignore it
    }

    @Override
    public void onRemoteClose() {
      // the peer stops writing, which it never did; our side stays open
    }

    @Override
    public void onReset(StreamException cause) {
      owner.execute(
          () -> {
            if (stream == watched && !closed) {
              streamLost(watched, cause);
              if (!retryScheduled) {
                retryLater();
              }
            }
          });
    }
  }
}
