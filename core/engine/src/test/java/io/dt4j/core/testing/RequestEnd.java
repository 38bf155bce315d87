package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;

/**
 * How a request ended, and what each side's handler hears about it (data-transfer.md §6.3: the
 * request-finished, completed-response and network-error listeners).
 */
sealed interface RequestEnd {
  /** Go's text prefix for a failed graphsync request, as the requester reports it. */
  String REQUEST_FAILED = "graphsync request failed to complete: ";

  /** graphsync's response status for a block the responder does not have. */
  String CONTENT_NOT_FOUND = "RequestFailedContentNotFound";

  /** graphsync's response status for any other failure of the responder. */
  String FAILED_UNKNOWN = "RequestFailedUnknown";

  /**
   * Tells the sides that are still listening.
   *
   * @param request the request that ended
   */
  void report(LoopbackRequest request);

  /** Returns the failure that starts at {@code side}, e.g. when that side's handler threw. */
  static RequestEnd failureAt(Side side, String reason) {
    return side == Side.REQUESTER
        ? new FailedAtRequester(reason)
        : new FailedAtResponder(reason, FAILED_UNKNOWN);
  }

  /** The traversal finished: both sides complete successfully, the sender first. */
  record Completed() implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {
      ChannelId chid = request.channelId();
      request
          .party(Side.RESPONDER)
          .tell("onChannelCompleted", h -> h.onChannelCompleted(chid, true));
      request
          .party(Side.REQUESTER)
          .tell("onChannelCompleted", h -> h.onChannelCompleted(chid, true));
    }
  }

  /** Nobody hears anything: an open the requester refused, a shut-down node, a closed hub. */
  record Silent() implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {}
  }

  /**
   * The requester cancelled its request (close, a new open for the channel, shut-down). Only the
   * requester hears it; Go ignores the "request cancelled" status at the responder.
   *
   * @param reason the text given to {@code onRequestCancelled}
   */
  record CancelledByRequester(String reason) implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {
      ChannelId chid = request.channelId();
      request
          .party(Side.REQUESTER)
          .tell("onRequestCancelled", h -> h.onRequestCancelled(chid, reason));
    }
  }

  /**
   * The responder closed its side of the channel: nobody hears anything. Go's requester finishes a
   * request the remote cancelled without a transport event, and its responder ignores the cancelled
   * status (data-transfer.md §6.3); the data sender's manager tells the requester with a dt-net
   * Cancel message instead.
   */
  record CancelledByResponder() implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {}
  }

  /**
   * The requester's side failed (its handler refused, a block did not match its CID): its request
   * ends with an error; the responder only sees a cancel, which Go ignores.
   *
   * @param reason what went wrong
   */
  record FailedAtRequester(String reason) implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {
      ChannelId chid = request.channelId();
      request
          .party(Side.REQUESTER)
          .tell("onChannelFailed", h -> h.onChannelFailed(chid, REQUEST_FAILED + reason));
    }
  }

  /**
   * The responder's side failed (its handler refused, a block is missing): its response ends with a
   * failure status, which fails the requester's request too.
   *
   * @param reason what went wrong, as the requester reports it
   * @param status the graphsync response status the responder reports
   */
  record FailedAtResponder(String reason, String status) implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {
      ChannelId chid = request.channelId();
      String responderText =
          "graphsync response to peer "
              + request.party(Side.REQUESTER).peer()
              + " did not complete: response status code "
              + status;
      request
          .party(Side.RESPONDER)
          .tell("onChannelFailed", h -> h.onChannelFailed(chid, responderText));
      new FailedAtRequester(reason).report(request);
    }
  }

  /**
   * The connection between the two nodes broke: the sender hears a send error, the recipient a
   * receive error (the channel monitor's restart triggers, data-transfer.md §5.8).
   *
   * @param reason the network error
   */
  record NetworkLost(String reason) implements RequestEnd {
    @Override
    public void report(LoopbackRequest request) {
      ChannelId chid = request.channelId();
      request.party(Side.RESPONDER).tell("onSendDataError", h -> h.onSendDataError(chid, reason));
      request
          .party(Side.REQUESTER)
          .tell("onReceiveDataError", h -> h.onReceiveDataError(chid, reason));
    }
  }
}
