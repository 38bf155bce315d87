package io.dt4j.example.voucher;

import io.dt4j.api.ChannelId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Holds each channel to the byte quota of its {@link ExampleVoucher} (data-transfer.md §5.5): once
 * the channel has moved more than its quota it pauses with a result saying how much moved; a new
 * voucher of the same deal with a higher quota resumes it, one that lowers the quota or names
 * another deal ends it. A channel that ends over its quota stays finalizing until such a voucher
 * arrives.
 */
@Extension
public final class ExampleRevalidator implements Revalidator {
  private final QuotaBook book;

  /** Creates the revalidator of the plugin's shared quota book. */
  public ExampleRevalidator() {
    this(QuotaBook.shared());
  }

  ExampleRevalidator(QuotaBook book) {
    this.book = book;
  }

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(ExampleVoucher.TYPE);
  }

  @Override
  public RevalidationResult revalidate(ChannelId channelId, Voucher voucher) {
    Optional<QuotaBook.Account> known = book.account(channelId);
    if (!(voucher instanceof ExampleVoucher example) || known.isEmpty()) {
      return RevalidationResult.notHandled();
    }
    QuotaBook.Account account = known.get();
    if (!example.dealRef().equals(account.dealRef())) {
      return RevalidationResult.reject(
          "voucher for deal " + example.dealRef() + " on a channel of deal " + account.dealRef());
    }
    if (example.quotaBytes() < account.quota()) {
      return RevalidationResult.reject(
          "a new voucher must raise the quota: "
              + example.quotaBytes()
              + " is below "
              + account.quota());
    }
    QuotaBook.Account raised = book.raise(channelId, example.quotaBytes());
    if (raised.exhausted()) {
      return RevalidationResult.pause(over(raised));
    }
    if (raised.finished()) {
      book.forget(channelId); // the resume completes a finalizing channel
    }
    return new RevalidationResult.Resume(
        Optional.of(new ExampleVoucherResult("quota raised to " + raised.quota(), raised.moved())));
  }

  @Override
  public RevalidationResult onPullDataSent(ChannelId channelId, long additionalBytesSent) {
    return onData(channelId, additionalBytesSent);
  }

  @Override
  public RevalidationResult onPushDataReceived(ChannelId channelId, long additionalBytesReceived) {
    return onData(channelId, additionalBytesReceived);
  }

  @Override
  public RevalidationResult onComplete(ChannelId channelId) {
    Optional<QuotaBook.Account> known = book.account(channelId);
    if (known.isEmpty()) {
      return RevalidationResult.notHandled();
    }
    if (known.get().exhausted()) {
      return RevalidationResult.pause(over(book.finished(channelId)));
    }
    book.forget(channelId);
    return new RevalidationResult.Continue(
        Optional.of(new ExampleVoucherResult("complete", known.get().moved())));
  }

  private RevalidationResult onData(ChannelId channelId, long bytes) {
    return book.moved(channelId, bytes)
        .map(a -> a.exhausted() ? RevalidationResult.pause(over(a)) : RevalidationResult.proceed())
        .orElse(RevalidationResult.notHandled());
  }

  private static ExampleVoucherResult over(QuotaBook.Account account) {
    return new ExampleVoucherResult(
        "quota of " + account.quota() + " bytes exhausted: send a voucher with a higher quota",
        account.moved());
  }
}
