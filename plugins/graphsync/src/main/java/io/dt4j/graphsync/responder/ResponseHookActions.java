package io.dt4j.graphsync.responder;

import io.dt4j.graphsync.hooks.IncomingRequestHook.IncomingRequestActions;
import io.dt4j.graphsync.hooks.OutgoingBlockHook.OutgoingBlockActions;
import io.dt4j.graphsync.hooks.RequestUpdatedHook.RequestUpdatedActions;
import io.dt4j.graphsync.message.Extensions;

/**
 * What the responder hooks of one run asked for, applied by the response after they all ran: the
 * first error wins, extension data accumulates in order, validation, pause, unpause and the
 * persistence option are remembered.
 */
final class ResponseHookActions
    implements IncomingRequestActions, OutgoingBlockActions, RequestUpdatedActions {
  private String error;
  private Extensions extensions = Extensions.none();
  private boolean validated;
  private boolean pause;
  private boolean unpause;
  private String persistenceOption;

  @Override
  public void validateRequest() {
    validated = true;
  }

  @Override
  public void pauseResponse() {
    pause = true;
  }

  @Override
  public void unpauseResponse() {
    unpause = true;
  }

  @Override
  public void terminateWithError(String reason) {
    if (error == null) {
      error = reason;
    }
  }

  @Override
  public void sendExtensionData(String name, byte[] data) {
    extensions = extensions.with(name, data);
  }

  @Override
  public void usePersistenceOption(String name) {
    persistenceOption = name;
  }

  /** The reason a hook terminated the response, or null. */
  String error() {
    return error;
  }

  Extensions extensions() {
    return extensions;
  }

  boolean validated() {
    return validated;
  }

  boolean pause() {
    return pause;
  }

  boolean unpause() {
    return unpause;
  }

  /** The persistence option a hook chose, or null. */
  String persistenceOption() {
    return persistenceOption;
  }
}
