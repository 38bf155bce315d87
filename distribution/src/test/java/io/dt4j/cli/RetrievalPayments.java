package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.cli.Launcher.ProcessRun;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The client's side of a paid retrieval, as a go-fil-markets client does it: each time the
 * provider's {@code DealResponse} asks for funds ({@code FundsNeeded}, {@code
 * FundsNeededLastPayment}), the client sends a payment through {@code dt4j channel voucher} that
 * raises its running total by the {@code PaymentOwed}, until the channel completes.
 */
final class RetrievalPayments {
  /** go-fil-markets' DealStatus codes of a request for funds. */
  private static final Set<Integer> FUNDS_NEEDED = Set.of(7, 10, 14);

  private RetrievalPayments() {}

  /**
   * Pays until the client's channel is completed.
   *
   * @param client the client daemon
   * @param events the client's events since before the pull
   * @param id the channel
   * @param deal the deal id of the proposal
   * @return the payments sent, each the running total in attoFIL
   */
  static List<BigInteger> payUntilCompleted(
      DaemonProcess client, DaemonProcess.Events events, String id, long deal) throws Exception {
    List<BigInteger> payments = new java.util.ArrayList<>();
    BigInteger paid = BigInteger.ZERO;
    int handled = 0;
    while (true) {
      int seen = handled;
      await()
          .atMost(DaemonProcess.PATIENCE)
          .until(() -> completed(client, id) || requests(events, id).size() > seen);
      List<BigInteger> asked = requests(events, id);
      if (asked.size() == handled) {
        return payments;
      }
      for (BigInteger owed : asked.subList(handled, asked.size())) {
        paid = paid.add(owed);
        payments.add(paid);
        pay(client, id, deal, payments.size(), paid);
      }
      handled = asked.size();
    }
  }

  private static void pay(DaemonProcess client, String id, long deal, int nonce, BigInteger total)
      throws Exception {
    ProcessRun pay =
        client.cli(
            "channel",
            "voucher",
            id,
            "--voucher-type",
            "RetrievalDealPayment/1",
            "--voucher",
            MarketVouchers.payment(deal, nonce, total.longValueExact()));
    assertThat(pay.exitCode()).as("%s", pay.err()).isZero();
    assertThat(pay.out()).containsExactly("voucher sent on " + id);
  }

  private static boolean completed(DaemonProcess client, String id) throws Exception {
    return "Completed".equals(client.channel(id).get("status").asText());
  }

  /** The amounts the provider asked for, in order: its voucher results that need funds. */
  private static List<BigInteger> requests(DaemonProcess.Events events, String id) {
    return events.updates(id, "NewVoucherResult").stream()
        .map(u -> u.path("channel").path("voucher_result"))
        .filter(r -> FUNDS_NEEDED.contains(r.path("Status").asInt()))
        .map(r -> bigInt(r.path("PaymentOwed").path("/").path("bytes").asText()))
        .filter(owed -> owed.signum() > 0)
        .toList();
  }

  /** A Filecoin big integer: empty for zero, else a sign byte and the magnitude. */
  private static BigInteger bigInt(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    if (bytes.length == 0) {
      return BigInteger.ZERO;
    }
    BigInteger magnitude = new BigInteger(1, Arrays.copyOfRange(bytes, 1, bytes.length));
    return bytes[0] == 0 ? magnitude : magnitude.negate();
  }
}
