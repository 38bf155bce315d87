package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.RequestValidator;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.ValidationResult;
import io.dt4j.api.Voucher;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RequestValidator} of a voucher's type on a new or restarted channel (§5.1 step
 * 3): decodes the voucher with the validated types, asks the validator, encodes its voucher result.
 * A validator that throws rejects the request, and is logged; so does one that takes longer than
 * the manager's validator timeout (it runs on a thread of its own, which is interrupted), so a
 * stuck validator costs one request, not the node.
 */
final class RequestValidation {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final ManagerContext ctx;
  private final Duration timeout;
  private final ExecutorService validators =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "dt4j-validator");
            thread.setDaemon(true);
            return thread;
          });

  RequestValidation(ManagerContext ctx, Duration timeout) {
    this.ctx = ctx;
    this.timeout = timeout;
  }

  /**
   * A validator's decision.
   *
   * @param decision accept, accept paused, or reject
   * @param result the decision's voucher result, encoded
   */
  record Decision(ValidationResult decision, Optional<EncodedVoucher> result) {
    boolean accepted() {
      return !(decision instanceof ValidationResult.Reject);
    }

    boolean paused() {
      return decision instanceof ValidationResult.AcceptPaused;
    }

    /** The validator's reason for a rejection. */
    String reason() {
      return decision instanceof ValidationResult.Reject r ? r.reason() : "";
    }

    /**
     * The events an accepted request causes at the responder (§5.1 step 3b, §5.7): the voucher
     * result if any, the event of the request, then a pause if the validator paused.
     *
     * @param event Accept for a new request, Restart for a restart
     * @return the events, in order
     */
    List<ChannelEvent> events(EventCode event) {
      List<ChannelEvent> events = new ArrayList<>();
      result.ifPresent(r -> events.add(ChannelUpdates.resultEvent(r)));
      events.add(ChannelEvent.of(event));
      if (paused()) {
        events.add(ChannelEvent.of(EventCode.PAUSE_RESPONDER));
      }
      return events;
    }

    /**
     * The response that carries this decision (§2.4: accepted, paused, the result).
     *
     * @param type New or Restart
     * @param id the channel's transfer id
     * @return the response
     */
    TransferResponse response(MessageType type, TransferId id) {
      return Messages.decision(type, id, accepted(), paused(), result);
    }
  }

  /**
   * Validates a request for a channel.
   *
   * @param channelId the channel
   * @param pull whether the initiator receives the data
   * @param encoded the voucher
   * @param baseCid the root
   * @param selector the selector
   * @return the decision
   * @throws DataTransferException if the voucher's type is unknown or its bytes do not decode
   */
  Decision validate(
      ChannelId channelId, boolean pull, EncodedVoucher encoded, Cid baseCid, Node selector)
      throws DataTransferException {
    Voucher voucher = ctx.registry.decodeForValidation(encoded);
    RequestValidator validator = ctx.registry.validator(encoded.type()).orElseThrow();
    ValidationResult decision;
    try {
      decision = ask(validator, channelId, pull, voucher, baseCid, selector);
    } catch (RuntimeException | TimeoutException e) {
      String problem =
          e instanceof TimeoutException
              ? "did not answer within " + timeout.toMillis() + " ms"
              : "failed: " + e;
      log.warn("channel {}: validator {} {}", channelId, validator.getClass().getName(), problem);
      decision =
          ValidationResult.reject("validator " + validator.getClass().getName() + " " + problem);
    }
    return new Decision(decision, ctx.encodeResult(channelId, decision.voucherResult()));
  }

  /** Runs the validator on a thread of its own, waiting at most the timeout. */
  private ValidationResult ask(
      RequestValidator validator,
      ChannelId channelId,
      boolean pull,
      Voucher voucher,
      Cid baseCid,
      Node selector)
      throws TimeoutException {
    Future<ValidationResult> answer =
        validators.submit(
            () ->
                pull
                    ? validator.validatePull(channelId.initiator(), voucher, baseCid, selector)
                    : validator.validatePush(channelId.initiator(), voucher, baseCid, selector));
    try {
      ValidationResult decision = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (decision == null) {
        throw new NullPointerException("validator returned null");
      }
      return decision;
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the validator ran", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
    }
  }

  /** Stops the validators' threads; a validator still running is interrupted. */
  void close() {
    validators.shutdownNow();
  }
}
