package io.dt4j.example.voucher;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The byte quotas of the channels this node serves, shared by {@link ExampleValidator} (which
 * learns a quota from the voucher of a request) and {@link ExampleRevalidator} (which counts the
 * bytes each channel moves against it).
 *
 * <p>The plugin API tells a validator the requesting peer but not the channel, so an accepted quota
 * waits here for its channel: the first channel of that peer to move data takes the peer's oldest
 * waiting quota. Two requests from one peer at the same moment may swap quotas; a real plugin would
 * tie them by something in the voucher.
 *
 * <p>Thread-safe: each call holds this object's lock briefly.
 */
final class QuotaBook {
  private static final QuotaBook SHARED = new QuotaBook();

  /** How many accepted quotas one peer may have waiting; older ones are dropped. */
  static final int MAX_WAITING_PER_PEER = 64;

  /**
   * What one channel has moved, against its deal's quota.
   *
   * @param dealRef the deal
   * @param quota the bytes the deal allows
   * @param moved the bytes moved
   * @param finished whether all data has moved (the channel is finalizing)
   */
  record Account(String dealRef, long quota, long moved, boolean finished) {
    /** Returns whether the channel moved more than its quota. */
    boolean exhausted() {
      return moved > quota;
    }
  }

  private final Map<PeerId, Deque<ExampleVoucher>> waiting = new HashMap<>();
  private final Map<ChannelId, Account> accounts = new HashMap<>();

  /** Returns the book the plugin's extensions share (PF4J creates each extension on its own). */
  static QuotaBook shared() {
    return SHARED;
  }

  /** Keeps an accepted voucher until a channel of its peer moves data. */
  synchronized void expect(PeerId initiator, ExampleVoucher voucher) {
    Deque<ExampleVoucher> queue = waiting.computeIfAbsent(initiator, p -> new ArrayDeque<>());
    queue.addLast(voucher);
    if (queue.size() > MAX_WAITING_PER_PEER) {
      queue.removeFirst();
    }
  }

  /**
   * Counts bytes a channel moved; its initiator's oldest waiting quota becomes the channel's on its
   * first data.
   *
   * @return the account after the bytes, or empty for a channel this book has no quota for
   */
  synchronized Optional<Account> moved(ChannelId channel, long bytes) {
    Account account = accounts.get(channel);
    if (account == null) {
      Deque<ExampleVoucher> queue = waiting.get(channel.initiator());
      ExampleVoucher first = queue == null ? null : queue.pollFirst();
      if (first == null) {
        return Optional.empty();
      }
      account = new Account(first.dealRef(), first.quotaBytes(), 0, false);
    }
    Account now = new Account(account.dealRef(), account.quota(), account.moved() + bytes, false);
    accounts.put(channel, now);
    return Optional.of(now);
  }

  /** Returns a channel's account, if it has one. */
  synchronized Optional<Account> account(ChannelId channel) {
    return Optional.ofNullable(accounts.get(channel));
  }

  /** Sets a channel's quota to a new voucher's. */
  synchronized Account raise(ChannelId channel, long quota) {
    Account now = accounts.get(channel);
    now = new Account(now.dealRef(), quota, now.moved(), now.finished());
    accounts.put(channel, now);
    return now;
  }

  /** Notes that all of a channel's data has moved. */
  synchronized Account finished(ChannelId channel) {
    Account now = accounts.get(channel);
    now = new Account(now.dealRef(), now.quota(), now.moved(), true);
    accounts.put(channel, now);
    return now;
  }

  /** Forgets a channel. */
  synchronized void forget(ChannelId channel) {
    accounts.remove(channel);
  }
}
