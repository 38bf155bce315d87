package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.vouchers.filecoin.FilecoinVoucherSettings;
import java.time.Clock;

/**
 * What the retrieval validator and the payment revalidator share: the terms asked for and the open
 * deals. The plugin host creates each extension on its own with a no-argument constructor, so the
 * two meet here, once per class loader (once per plugin).
 */
final class RetrievalProvider {
  private static RetrievalProvider shared;

  final RetrievalTerms terms;
  final RetrievalDeals deals;

  RetrievalProvider(RetrievalTerms terms, Clock clock) {
    this.terms = terms;
    this.deals = new RetrievalDeals(clock);
  }

  /**
   * Returns the provider of this class loader, created from the process's settings on first use.
   *
   * @throws io.dt4j.vouchers.filecoin.InvalidSettingException if a retrieval setting is unusable
   */
  static synchronized RetrievalProvider shared() {
    if (shared == null) {
      shared =
          new RetrievalProvider(
              RetrievalTerms.from(FilecoinVoucherSettings.fromEnvironment()), Clock.systemUTC());
    }
    return shared;
  }
}
