package io.dt4j.core.testing;

import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.PauseChannelException;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.Cid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link EventsHandler} that records every call, in order, into its own list and into a journal
 * shared by the nodes of a test, and reacts to chosen calls (return a reply, pause, fail).
 */
final class RecordingHandler implements EventsHandler {
  static final Duration PATIENCE = Duration.ofSeconds(5);

  /**
   * One handler call.
   *
   * @param peer the node whose handler was called
   * @param hook the method's name
   * @param channelId the channel
   * @param argument the message, CID, reason or success flag, or null
   * @param ordinal 1 for the first call of this hook on this handler, then 2, ...
   */
  record Call(PeerId peer, String hook, ChannelId channelId, Object argument, int ordinal) {}

  /** What the handler does on a call: returns the hook's value, or throws. */
  @FunctionalInterface
  interface Reaction {
    Object react(Call call) throws DataTransferException;
  }

  private final PeerId peer;
  private final List<Call> journal;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Reaction> reactions = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  RecordingHandler(PeerId peer, List<Call> journal) {
    this.peer = peer;
    this.journal = journal;
  }

  /** Pauses on the {@code ordinal}-th call of a hook. */
  static Reaction pauseAt(int ordinal) {
    return call -> {
      if (call.ordinal() == ordinal) {
        throw new PauseChannelException();
      }
      return null;
    };
  }

  /** Throws {@code failure} on the {@code ordinal}-th call of a hook. */
  static Reaction failAt(int ordinal, Exception failure) {
    return call -> {
      if (call.ordinal() != ordinal) {
        return null;
      }
      if (failure instanceof DataTransferException known) {
        throw known;
      }
      throw (RuntimeException) failure;
    };
  }

  /** Returns {@code value} from the {@code ordinal}-th call of a hook. */
  static Reaction returnAt(int ordinal, Object value) {
    return call -> call.ordinal() == ordinal ? value : null;
  }

  RecordingHandler react(String hook, Reaction reaction) {
    reactions.put(hook, reaction);
    return this;
  }

  RecordingHandler replyWith(TransferResponse reply) {
    return react("onRequestReceived", call -> Optional.of(reply));
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<String> hooks() {
    return calls.stream().map(Call::hook).toList();
  }

  List<Call> calls(String hook) {
    return calls.stream().filter(call -> call.hook().equals(hook)).toList();
  }

  List<Object> arguments(String hook) {
    return calls(hook).stream().map(Call::argument).toList();
  }

  List<Cid> cids(String hook) {
    return calls(hook).stream().map(call -> (Cid) call.argument()).toList();
  }

  /** Waits for the first call of a hook and returns it. */
  Call awaitCall(String hook) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> !calls(hook).isEmpty());
    return calls(hook).get(0);
  }

  @Override
  public void onChannelOpened(ChannelId channelId) throws DataTransferException {
    record("onChannelOpened", channelId, null);
  }

  @Override
  public void onResponseReceived(ChannelId channelId, TransferResponse response)
      throws DataTransferException {
    record("onResponseReceived", channelId, response);
  }

  @Override
  public void onDataReceived(ChannelId channelId, Cid link, long size)
      throws DataTransferException {
    record("onDataReceived", channelId, link);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<TransferMessage> onDataQueued(ChannelId channelId, Cid link, long size)
      throws DataTransferException {
    Object value = record("onDataQueued", channelId, link);
    return value == null ? Optional.empty() : (Optional<TransferMessage>) value;
  }

  @Override
  public void onDataSent(ChannelId channelId, Cid link, long size) throws DataTransferException {
    record("onDataSent", channelId, link);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<TransferResponse> onRequestReceived(ChannelId channelId, TransferRequest request)
      throws DataTransferException {
    Object value = record("onRequestReceived", channelId, request);
    return value == null ? Optional.empty() : (Optional<TransferResponse>) value;
  }

  @Override
  public void onChannelCompleted(ChannelId channelId, boolean success)
      throws DataTransferException {
    record("onChannelCompleted", channelId, success);
  }

  @Override
  public void onRequestTimedOut(ChannelId channelId) throws DataTransferException {
    record("onRequestTimedOut", channelId, null);
  }

  @Override
  public void onRequestDisconnected(ChannelId channelId) throws DataTransferException {
    record("onRequestDisconnected", channelId, null);
  }

  @Override
  public void onTransferQueued(ChannelId channelId) throws DataTransferException {
    record("onTransferQueued", channelId, null);
  }

  @Override
  public void onChannelFailed(ChannelId channelId, String reason) throws DataTransferException {
    record("onChannelFailed", channelId, reason);
  }

  @Override
  public void onRequestCancelled(ChannelId channelId, String reason) throws DataTransferException {
    record("onRequestCancelled", channelId, reason);
  }

  @Override
  public void onSendDataError(ChannelId channelId, String reason) throws DataTransferException {
    record("onSendDataError", channelId, reason);
  }

  @Override
  public void onReceiveDataError(ChannelId channelId, String reason) throws DataTransferException {
    record("onReceiveDataError", channelId, reason);
  }

  private Object record(String hook, ChannelId channelId, Object argument)
      throws DataTransferException {
    int ordinal = counts.computeIfAbsent(hook, name -> new AtomicInteger()).incrementAndGet();
    Call call = new Call(peer, hook, channelId, argument, ordinal);
    calls.add(call);
    journal.add(call);
    Reaction reaction = reactions.get(hook);
    return reaction == null ? null : reaction.react(call);
  }
}
