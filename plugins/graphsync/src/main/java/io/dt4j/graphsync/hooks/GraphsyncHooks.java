package io.dt4j.graphsync.hooks;

import io.dt4j.api.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hooks and listeners registered on a graphsync node. Registering returns a {@link
 * Subscription} that removes the registration. Thread-safe: registrations may change at any time;
 * each run sees a consistent snapshot. The {@code ...s()} accessors are for the engine.
 */
public final class GraphsyncHooks {
  private final List<IncomingRequestHook> incomingRequest = new CopyOnWriteArrayList<>();
  private final List<IncomingRequestQueuedHook> requestQueued = new CopyOnWriteArrayList<>();
  private final List<OutgoingBlockHook> outgoingBlock = new CopyOnWriteArrayList<>();
  private final List<RequestUpdatedHook> requestUpdated = new CopyOnWriteArrayList<>();
  private final List<BlockSentListener> blockSent = new CopyOnWriteArrayList<>();
  private final List<ResponseCompletedListener> responseCompleted = new CopyOnWriteArrayList<>();
  private final List<RequestorCancelledListener> requestorCancelled = new CopyOnWriteArrayList<>();
  private final List<NetworkErrorListener> networkError = new CopyOnWriteArrayList<>();
  private final List<OutgoingRequestHook> outgoingRequest = new CopyOnWriteArrayList<>();
  private final List<IncomingResponseHook> incomingResponse = new CopyOnWriteArrayList<>();
  private final List<IncomingBlockHook> incomingBlock = new CopyOnWriteArrayList<>();
  private final List<RequestFinishedListener> requestFinished = new CopyOnWriteArrayList<>();
  private final List<ReceiverNetworkErrorListener> receiverNetworkError =
      new CopyOnWriteArrayList<>();

  /** Creates an empty registry. */
  public GraphsyncHooks() {}

  private static <T> Subscription add(List<T> list, T item) {
    list.add(item);
    return () -> list.remove(item);
  }

  /**
   * Registers a hook run before a request is served.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onIncomingRequest(IncomingRequestHook hook) {
    return add(incomingRequest, hook);
  }

  /**
   * Registers a hook told when a request is queued.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onRequestQueued(IncomingRequestQueuedHook hook) {
    return add(requestQueued, hook);
  }

  /**
   * Registers a hook run for each block a response is about to send.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onOutgoingBlock(OutgoingBlockHook hook) {
    return add(outgoingBlock, hook);
  }

  /**
   * Registers a hook run for each update to a response.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onRequestUpdated(RequestUpdatedHook hook) {
    return add(requestUpdated, hook);
  }

  /**
   * Registers a listener told when a block was sent.
   *
   * @param listener the listener
   * @return its registration
   */
  public Subscription onBlockSent(BlockSentListener listener) {
    return add(blockSent, listener);
  }

  /**
   * Registers a listener told when a response's terminal status was sent.
   *
   * @param listener the listener
   * @return its registration
   */
  public Subscription onResponseCompleted(ResponseCompletedListener listener) {
    return add(responseCompleted, listener);
  }

  /**
   * Registers a listener told when a requester cancelled.
   *
   * @param listener the listener
   * @return its registration
   */
  public Subscription onRequestorCancelled(RequestorCancelledListener listener) {
    return add(requestorCancelled, listener);
  }

  /**
   * Registers a listener told when a response's message could not be sent.
   *
   * @param listener the listener
   * @return its registration
   */
  public Subscription onNetworkError(NetworkErrorListener listener) {
    return add(networkError, listener);
  }

  /**
   * Registers a hook run before a request is sent.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onOutgoingRequest(OutgoingRequestHook hook) {
    return add(outgoingRequest, hook);
  }

  /**
   * Registers a hook run for each response entry received.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onIncomingResponse(IncomingResponseHook hook) {
    return add(incomingResponse, hook);
  }

  /**
   * Registers a hook run for each block a request consumed.
   *
   * @param hook the hook
   * @return its registration
   */
  public Subscription onIncomingBlock(IncomingBlockHook hook) {
    return add(incomingBlock, hook);
  }

  /**
   * Registers a listener told when a request ended.
   *
   * @param listener the listener
   * @return its registration
   */
  public Subscription onRequestFinished(RequestFinishedListener listener) {
    return add(requestFinished, listener);
  }

  /**
   * Registers a listener told when reading from a peer failed.
   *
   * @param listener the listener
   * @return its registration
   */
  public Subscription onReceiverNetworkError(ReceiverNetworkErrorListener listener) {
    return add(receiverNetworkError, listener);
  }

  /** {@return the incoming-request hooks, in registration order} */
  public List<IncomingRequestHook> incomingRequestHooks() {
    return incomingRequest;
  }

  /** {@return the request-queued hooks} */
  public List<IncomingRequestQueuedHook> requestQueuedHooks() {
    return requestQueued;
  }

  /** {@return the outgoing-block hooks} */
  public List<OutgoingBlockHook> outgoingBlockHooks() {
    return outgoingBlock;
  }

  /** {@return the request-updated hooks} */
  public List<RequestUpdatedHook> requestUpdatedHooks() {
    return requestUpdated;
  }

  /** {@return the block-sent listeners} */
  public List<BlockSentListener> blockSentListeners() {
    return blockSent;
  }

  /** {@return the response-completed listeners} */
  public List<ResponseCompletedListener> responseCompletedListeners() {
    return responseCompleted;
  }

  /** {@return the requestor-cancelled listeners} */
  public List<RequestorCancelledListener> requestorCancelledListeners() {
    return requestorCancelled;
  }

  /** {@return the network-error listeners} */
  public List<NetworkErrorListener> networkErrorListeners() {
    return networkError;
  }

  /** {@return the outgoing-request hooks} */
  public List<OutgoingRequestHook> outgoingRequestHooks() {
    return outgoingRequest;
  }

  /** {@return the incoming-response hooks} */
  public List<IncomingResponseHook> incomingResponseHooks() {
    return incomingResponse;
  }

  /** {@return the incoming-block hooks} */
  public List<IncomingBlockHook> incomingBlockHooks() {
    return incomingBlock;
  }

  /** {@return the request-finished listeners} */
  public List<RequestFinishedListener> requestFinishedListeners() {
    return requestFinished;
  }

  /** {@return the receiver-network-error listeners} */
  public List<ReceiverNetworkErrorListener> receiverNetworkErrorListeners() {
    return receiverNetworkError;
  }
}
