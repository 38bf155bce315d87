package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.RevalidationResult;
import io.dt4j.api.Revalidator;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.api.Voucher;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pay-as-you-go revalidator for scenarios: off by default (answers NotHandled, so plain transfers
 * are untouched). With {@link #payEvery}, a channel that moved more bytes than its vouchers paid
 * for is paused with a "payment owed" result, and a voucher that covers what moved resumes it. With
 * {@link #finalVoucher}, completion waits for one more voucher.
 */
public final class ScriptedRevalidator implements Revalidator {
  private volatile long freeBytes = -1;
  private volatile boolean finalVoucher;
  private final java.util.Set<ChannelId> throwOnData = ConcurrentHashMap.newKeySet();
  private final Map<ChannelId, long[]> accounts = new ConcurrentHashMap<>();

  /**
   * Asks for a voucher once a channel moved more than {@code bytes} not paid for.
   *
   * @param bytes the free allowance
   * @return this
   */
  public ScriptedRevalidator payEvery(long bytes) {
    this.freeBytes = bytes;
    return this;
  }

  /**
   * Asks for a final voucher at completion.
   *
   * @return this
   */
  public ScriptedRevalidator finalVoucher() {
    this.finalVoucher = true;
    return this;
  }

  /**
   * Throws on the data callbacks of one channel (a buggy revalidator).
   *
   * @param channelId the channel
   * @return this
   */
  public ScriptedRevalidator throwOnData(ChannelId channelId) {
    throwOnData.add(channelId);
    return this;
  }

  @Override
  public Set<TypeIdentifier> voucherTypes() {
    return Set.of(TestVouchers.VOUCHER);
  }

  @Override
  public RevalidationResult revalidate(ChannelId channelId, Voucher voucher) {
    long[] account = account(channelId);
    account[1] += ((TestVoucher) voucher).paid();
    long owed = account[0] - account[1];
    if (owed > 0) {
      return RevalidationResult.pause(new TestResult("still owed", owed));
    }
    return new RevalidationResult.Resume(Optional.of(new TestResult("paid", account[1])));
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
    if (!finalVoucher) {
      return RevalidationResult.notHandled();
    }
    long[] account = account(channelId);
    account[0] += 1; // the final voucher pays one byte of settlement
    return RevalidationResult.pause(new TestResult("final payment", account[0] - account[1]));
  }

  private RevalidationResult onData(ChannelId channelId, long bytes) {
    if (throwOnData.contains(channelId)) {
      throw new IllegalStateException("revalidator bug");
    }
    if (freeBytes < 0) {
      return RevalidationResult.notHandled();
    }
    long[] account = account(channelId);
    account[0] += bytes;
    long owed = account[0] - account[1];
    return owed > 0
        ? RevalidationResult.pause(new TestResult("payment owed", owed))
        : RevalidationResult.proceed();
  }

  private long[] account(ChannelId channelId) {
    // {moved, paid}; the free allowance counts as paid
    return accounts.computeIfAbsent(channelId, id -> new long[] {0, Math.max(0, freeBytes)});
  }
}
