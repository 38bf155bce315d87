package io.dt4j.core.manager;

import io.dt4j.api.DataTransferException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a stage the way Go code waits for a call: the manager's handlers run on the threads of
 * the transport, the network or the manager's own pool, and read like go-data-transfer's
 * synchronous code. Never used on a channel's ordered executor.
 */
final class Blocking {
  /** A bound no healthy operation reaches; the network's own timeouts are much shorter. */
  static final Duration LIMIT = Duration.ofMinutes(10);

  private Blocking() {}

  /**
   * Waits for a stage and returns its value.
   *
   * @param stage the stage
   * @param <T> the value's type
   * @return the value
   * @throws DataTransferException the stage's failure, or one wrapping a failure of another type
   */
  static <T> T await(CompletionStage<T> stage) throws DataTransferException {
    try {
      return stage.toCompletableFuture().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataTransferException("interrupted while waiting", e);
    } catch (ExecutionException | CompletionException e) {
      throw asDataTransferException(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      throw new DataTransferException("no result after " + LIMIT, e);
    }
  }

  /**
   * Returns a failure as the data-transfer exception it is, or one that wraps it.
   *
   * @param failure a stage's failure
   * @return the exception
   */
  static DataTransferException asDataTransferException(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof DataTransferException dte
        ? dte
        : new DataTransferException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
  }
}
