package io.dt4j.vouchers.filecoin.storage;

import io.dt4j.api.PeerId;
import io.dt4j.ipld.Cid;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks an HTTP endpoint whether to accept a storage deal's push: a {@code POST} of {@code
 * {"proposal": "<cid>", "sender": "<peer id>", "baseCid": "<cid>"}} as JSON. The answer {@code 200}
 * accepts; any other status refuses, with the status and the start of the body as the reason. The
 * whole exchange must finish within the timeout, and at most {@value #MAX_BODY} bytes of the body
 * are read.
 */
public final class DealCallback {
  /** The most of a response body that is read. */
  static final int MAX_BODY = 4096;

  /** The most of a response body that goes into a refusal's reason. */
  static final int MAX_REASON = 256;

  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * Creates the callback.
   *
   * @param url the endpoint
   * @param timeout how long an answer may take
   */
  public DealCallback(URI url, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Asks the endpoint about a push.
   *
   * @param proposal the deal proposal's CID, from the voucher
   * @param sender the peer that pushes
   * @param baseCid the root of the data
   * @return accepted on {@code 200}, else refused with the status and body
   * @throws DealCheckException if the endpoint cannot be reached or does not answer in time
   */
  public DealVerdict ask(Cid proposal, PeerId sender, Cid baseCid) throws DealCheckException {
    // CIDs and peer ids are base32/base58 text: nothing in them needs JSON escaping
    String json =
        "{\"proposal\":\""
            + proposal
            + "\",\"sender\":\""
            + sender.toBase58()
            + "\",\"baseCid\":\""
            + baseCid
            + "\"}";
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<byte[]> response = exchange(request);
    if (response.statusCode() == 200) {
      return DealVerdict.accept();
    }
    String body = new String(response.body(), StandardCharsets.UTF_8).strip();
    return DealVerdict.refuse(
        "deal callback "
            + url
            + " refused proposal "
            + proposal
            + ": HTTP "
            + response.statusCode()
            + (body.isEmpty() ? "" : " " + abbreviate(body)));
  }

  private HttpResponse<byte[]> exchange(HttpRequest request) throws DealCheckException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, BoundedBody.handler(MAX_BODY));
    try {
      return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw notInTime(e);
    } catch (ExecutionException e) {
      // the request's own timeout may fire first: the same event, said the same way
      if (e.getCause() instanceof HttpTimeoutException) {
        throw notInTime(e);
      }
      throw new DealCheckException("deal callback " + url + " failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new DealCheckException("interrupted while asking deal callback " + url, e);
    }
  }

  private DealCheckException notInTime(Exception cause) {
    return new DealCheckException(
        "deal callback " + url + " did not answer within " + timeout.toMillis() + " ms", cause);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "…";
  }
}
