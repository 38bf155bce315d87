package io.dt4j.graphsync.requester;

import io.dt4j.graphsync.hooks.IncomingBlockHook.IncomingBlockActions;
import io.dt4j.graphsync.hooks.IncomingResponseHook.IncomingResponseActions;
import io.dt4j.graphsync.hooks.OutgoingRequestHook.OutgoingRequestActions;
import io.dt4j.graphsync.message.Extensions;

/**
 * What the requester hooks of one run asked for, applied by the request after they all ran: the
 * first error wins, updates accumulate, a pause or persistence option is remembered.
 */
final class RequestHookActions
    implements IncomingBlockActions, IncomingResponseActions, OutgoingRequestActions {
  private String error;
  private Extensions update = Extensions.none();
  private boolean pause;
  private String persistenceOption;

  @Override
  public void terminateWithError(String reason) {
    if (error == null) {
      error = reason;
    }
  }

  @Override
  public void updateRequest(Extensions extensions) {
    update = update.withAll(extensions);
  }

  @Override
  public void pauseRequest() {
    pause = true;
  }

  @Override
  public void usePersistenceOption(String name) {
    persistenceOption = name;
  }

  /** The reason a hook terminated the request, or null. */
  String error() {
    return error;
  }

  /** The extensions hooks asked to send in an update; empty for none. */
  Extensions update() {
    return update;
  }

  boolean pause() {
    return pause;
  }

  /** The persistence option a hook chose, or null. */
  String persistenceOption() {
    return persistenceOption;
  }
}
