package io.dt4j.daemon.admin;

import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.daemon.AmbiguousChannelException;
import io.dt4j.daemon.InvalidInputException;
import io.dt4j.daemon.NoTransportException;
import io.dt4j.daemon.TransfersUnavailableException;
import io.dt4j.daemon.UnknownChannelException;
import io.dt4j.ipld.unixfs.BlockNotFoundException;
import io.dt4j.libp2p.host.DialException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what the node throws into the admin API's errors: one table, one place. */
final class ApiErrors {
  private ApiErrors() {}

  /**
   * The API error for a failure.
   *
   * @param failure what an endpoint threw, or the failure of a stage it waited on
   * @return the error to answer with
   */
  static ApiException of(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof ApiException api) {
      return api;
    } else if (e instanceof InvalidInputException) {
      return ApiException.badRequest(e.getMessage());
    } else if (e instanceof UnknownChannelException || e instanceof ChannelNotFoundException) {
      return ApiException.notFound(e.getMessage());
    } else if (e instanceof BlockNotFoundException) {
      return ApiException.notFound(e.getMessage());
    } else if (e instanceof AmbiguousChannelException ambiguous) {
      return new ApiException(
          409,
          "ambiguous",
          e.getMessage(),
          ambiguous.candidates().stream().map(Object::toString).toList());
    } else if (e instanceof NoTransportException) {
      return ApiException.unavailable("no_transport", e.getMessage());
    } else if (e instanceof TransfersUnavailableException) {
      return ApiException.unavailable("unavailable", e.getMessage());
    } else if (e instanceof DialException) {
      return new ApiException(502, "unreachable", e.getMessage(), List.of());
    } else if (e instanceof DataTransferException) {
      return new ApiException(409, "refused", e.getMessage(), List.of());
    }
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new ApiException(500, "internal", message, List.of());
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
