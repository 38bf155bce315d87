package io.dt4j.example.voucher;

import io.dt4j.api.ChannelId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * Pay-as-you-go: tracks the bytes each channel moved and, once they pass what its vouchers paid
 * for, pauses the channel with a result asking for a new voucher; a new {@link ExampleVoucher}
 * raises the paid amount and resumes the channel.
 *
 * <p>A channel is known to this revalidator from its first new voucher; until then it pays for
 * {@link #FREE_BYTES}.
 */
@Extension
public final class ExampleRevalidator implements Revalidator {
  /** Bytes a channel may move before it must send a voucher. */
  static final long FREE_BYTES = 1 << 20;

  private final Map<ChannelId, Account> accounts = new ConcurrentHashMap<>();

  /** What a channel has moved and paid for. */
  private record Account(long moved, long paid) {}

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(ExampleVoucher.TYPE);
  }

  @Override
  public RevalidationResult revalidate(ChannelId channelId, Voucher voucher) {
    if (!(voucher instanceof ExampleVoucher example)) {
      return RevalidationResult.notHandled();
    }
    Account account =
        accounts.merge(
            channelId,
            new Account(0, FREE_BYTES + example.paidBytes()),
            (old, fresh) -> new Account(old.moved(), old.paid() + example.paidBytes()));
    return account.moved() <= account.paid()
        ? new RevalidationResult.Resume(Optional.of(result("paid", account)))
        : RevalidationResult.pause(
            result("still owed " + (account.moved() - account.paid()), account));
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
    Account account = accounts.remove(channelId);
    return account == null
        ? RevalidationResult.proceed()
        : new RevalidationResult.Continue(Optional.of(result("complete", account)));
  }

  private RevalidationResult onData(ChannelId channelId, long bytes) {
    Account account =
        accounts.merge(
            channelId,
            new Account(bytes, FREE_BYTES),
            (old, fresh) -> new Account(old.moved() + bytes, old.paid()));
    return account.moved() > account.paid()
        ? RevalidationResult.pause(result("payment required", account))
        : RevalidationResult.proceed();
  }

  private static ExampleVoucherResult result(String message, Account account) {
    return new ExampleVoucherResult(message, account.moved());
  }
}
