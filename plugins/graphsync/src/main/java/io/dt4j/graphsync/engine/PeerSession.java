package io.dt4j.graphsync.engine;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Host;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.hooks.ReceiverNetworkErrorListener;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncRequest;
import io.dt4j.graphsync.network.Counters;
import io.dt4j.graphsync.network.InboundStreamReader;
import io.dt4j.graphsync.network.MessageQueue;
import io.dt4j.graphsync.network.SentMessage;
import io.dt4j.graphsync.requester.RequesterPeer;
import io.dt4j.graphsync.responder.ResponderPeer;
import io.dt4j.ipld.Blockstore;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything this node has going with one peer: one serial executor owns the outbound queue, the
 * requests sent to the peer and the responses served to it. Received messages, sent messages and
 * API calls all run here, so none of that state needs a lock (STYLE: concurrency is owned). Since
 * one message may carry both roles' entries (graphsync spec §1), both are fed from it.
 */
final class PeerSession implements MessageQueue.Listener, InboundStreamReader.Sink {
  private static final Logger log = LoggerFactory.getLogger(PeerSession.class);

  private final PeerId peer;
  private final SerialExecutor executor;
  private final GraphsyncHooks hooks;
  private final MessageQueue queue;
  private final RequesterPeer requester;
  private final ResponderPeer responder;

  PeerSession(
      PeerId peer,
      Host host,
      Executor pool,
      ScheduledExecutorService timers,
      GraphsyncOptions options,
      GraphsyncHooks hooks,
      Counters counters,
      Blockstore blockstore,
      Function<String, Optional<Blockstore>> persistenceOptions) {
    this.peer = peer;
    this.executor = new SerialExecutor(pool);
    this.hooks = hooks;
    this.queue = new MessageQueue(peer, host, executor, timers, options, counters, this);
    this.requester =
        new RequesterPeer(
            peer,
            executor,
            queue,
            hooks,
            options,
            blockstore,
            persistenceOptions,
            timers,
            counters);
    this.responder =
        new ResponderPeer(peer, executor, queue, hooks, options, blockstore, persistenceOptions);
  }

  Executor executor() {
    return executor;
  }

  RequesterPeer requester() {
    return requester;
  }

  ResponderPeer responder() {
    return responder;
  }

  @Override
  public void message(PeerId from, GraphsyncMessage message) {
    if (!message.responses().isEmpty() || !message.blocks().isEmpty()) {
      requester.responsesReceived(message.responses(), message.blocks());
    }
    for (GraphsyncRequest request : message.requests()) {
      responder.requestReceived(request);
    }
    responder.runResponses();
  }

  @Override
  public void error(PeerId from, Exception error) {
    log.debug("receiving from {} failed: {}", from, error.toString());
    for (ReceiverNetworkErrorListener listener : hooks.receiverNetworkErrorListeners()) {
      try {
        listener.onReceiverNetworkError(from, error);
      } catch (RuntimeException e) {
        log.warn("a receiver-network-error listener failed for peer {}", peer, e);
      }
    }
  }

  @Override
  public void messageSent(SentMessage message) {
    responder.messageSent(message);
    responder.runResponses();
  }

  @Override
  public void messageFailed(SentMessage message, Exception error) {
    requester.messageFailed(message, error);
    responder.messageFailed(message, error);
    responder.runResponses();
  }

  /**
   * The last connection to the peer closed: its responses end (requests retry); on the executor.
   */
  void disconnected() {
    log.debug("{} disconnected: abandoning its responses", peer);
    responder.disconnected();
  }

  /** Cancels the requests, drops the responses and the queue; on the executor. */
  void close() {
    requester.close();
    responder.close();
    queue.close();
  }
}
