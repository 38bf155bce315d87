package io.dt4j.daemon.admin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on the node's work for an admin request, never longer than the request timeout. */
final class Awaits {
  private Awaits() {}

  /**
   * Waits for a stage.
   *
   * @param stage the work
   * @param timeout how long to wait
   * @param what what is waited for, for the error message
   * @param <T> the result type
   * @return the result
   * @throws ApiException 504 {@code timeout}, or the stage's failure as {@link ApiErrors} maps it
   */
  static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
    try {
      return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ApiException(
          504, "timeout", what + " timed out after " + timeout.toMillis() + " ms", List.of());
    } catch (ExecutionException e) {
      throw ApiErrors.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "unavailable", what + ": the daemon is stopping", List.of());
    }
  }
}
