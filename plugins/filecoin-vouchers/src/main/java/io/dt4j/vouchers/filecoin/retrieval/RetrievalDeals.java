package io.dt4j.vouchers.filecoin.retrieval;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.ValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The retrieval deals this provider accepted and the channels they run on, shared by the {@link
 * RetrievalPullValidator} (which opens deals) and the {@link PaymentRevalidator} (which bills
 * them).
 *
 * <p>The plugin API tells a validator the client's peer but not the channel, so a deal is bound to
 * its channel later: to the first channel of the client's peer that sends data (oldest deal first),
 * or to the channel a payment naming the deal arrives on. A deal ends when it is paid in full. The
 * manager tells revalidators nothing about channels that fail, so a deal that no channel takes
 * within {@link #UNBOUND_LIFETIME}, or whose channel is silent for {@link #IDLE_LIFETIME}, is
 * forgotten; at most {@link #MAX_DEALS} deals are open at once.
 *
 * <p>Thread-safe: every call holds this object's lock, briefly (no I/O under it).
 */
final class RetrievalDeals {
  /** How long an accepted deal waits for its channel. */
  static final Duration UNBOUND_LIFETIME = Duration.ofMinutes(10);

  /** How long a deal's channel may be silent before the deal is forgotten. */
  static final Duration IDLE_LIFETIME = Duration.ofHours(1);

  /** How many deals may be open at once. */
  static final int MAX_DEALS = 10_000;

  /** A deal by client and the client's deal ID. */
  private record DealKey(PeerId client, long dealId) {}

  /** An open deal. */
  private static final class Deal {
    final DealAccount account;
    ChannelId channel;
    Instant lastSeen;

    Deal(DealAccount account, Instant accepted) {
      this.account = account;
      this.lastSeen = accepted;
    }
  }

  private final Clock clock;
  private final Map<DealKey, Deal> deals = new LinkedHashMap<>();
  private final Map<ChannelId, DealKey> byChannel = new HashMap<>();

  RetrievalDeals(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns whether the client has an open deal of this ID (a restarted request).
   *
   * @param client the client's peer
   * @param dealId the deal ID
   * @return whether it is open
   */
  synchronized boolean isOpen(PeerId client, long dealId) {
    return deals.containsKey(new DealKey(client, dealId));
  }

  /**
   * Opens a deal for an accepted proposal.
   *
   * @param client the client's peer
   * @param proposal the proposal
   * @return the answer to the proposal, or a rejection when too many deals are open
   */
  synchronized ValidationResult open(PeerId client, RetrievalDealProposal proposal) {
    forgetStale(clock.instant());
    if (deals.size() >= MAX_DEALS) {
      return ValidationResult.reject(
          "too many open retrieval deals (" + MAX_DEALS + "); try again later");
    }
    DealAccount account = new DealAccount(proposal);
    deals.put(new DealKey(client, proposal.dealId()), new Deal(account, clock.instant()));
    return account.acceptance();
  }

  /**
   * Applies an operation to the deal of a channel, binding the client's oldest unbound deal to the
   * channel if it has none yet.
   *
   * @param channel the channel; its initiator is the client
   * @param operation what to do with the deal's account
   * @param <R> the operation's result
   * @return the result, or empty if the channel has no deal
   */
  synchronized <R> Optional<R> withOldestDeal(
      ChannelId channel, Function<DealAccount, R> operation) {
    DealKey key = byChannel.get(channel);
    if (key == null) {
      key =
          deals.entrySet().stream()
              .filter(e -> e.getValue().channel == null)
              .map(Map.Entry::getKey)
              .filter(k -> k.client().equals(channel.initiator()))
              .findFirst()
              .orElse(null);
    }
    return apply(channel, key, operation);
  }

  /**
   * Applies an operation to the deal of a channel, binding the client's unbound deal of the given
   * ID to the channel if it has none yet.
   *
   * @param channel the channel; its initiator is the client
   * @param dealId the deal a payment names
   * @param operation what to do with the deal's account
   * @param <R> the operation's result
   * @return the result, or empty if the channel has no deal
   */
  synchronized <R> Optional<R> withDeal(
      ChannelId channel, long dealId, Function<DealAccount, R> operation) {
    DealKey key = byChannel.get(channel);
    if (key == null) {
      DealKey named = new DealKey(channel.initiator(), dealId);
      Deal deal = deals.get(named);
      key = deal != null && deal.channel == null ? named : null;
    }
    return apply(channel, key, operation);
  }

  /**
   * Applies an operation to the deal already bound to a channel.
   *
   * @param channel the channel
   * @param operation what to do with the deal's account
   * @param <R> the operation's result
   * @return the result, or empty if no deal is bound to the channel
   */
  synchronized <R> Optional<R> withBoundDeal(
      ChannelId channel, Function<DealAccount, R> operation) {
    return apply(channel, byChannel.get(channel), operation);
  }

  /** Returns how many deals are open. */
  synchronized int size() {
    return deals.size();
  }

  private <R> Optional<R> apply(
      ChannelId channel, DealKey key, Function<DealAccount, R> operation) {
    Deal deal = key == null ? null : deals.get(key);
    if (deal == null) {
      return Optional.empty();
    }
    deal.channel = channel;
    deal.lastSeen = clock.instant();
    byChannel.put(channel, key);
    R result = operation.apply(deal.account);
    if (deal.account.phase() == DealAccount.Phase.DONE) {
      deals.remove(key);
      byChannel.remove(channel);
    }
    return Optional.of(result);
  }

  private void forgetStale(Instant now) {
    Iterator<Deal> open = deals.values().iterator();
    while (open.hasNext()) {
      Deal deal = open.next();
      Duration lifetime = deal.channel == null ? UNBOUND_LIFETIME : IDLE_LIFETIME;
      if (deal.lastSeen.plus(lifetime).isBefore(now)) {
        if (deal.channel != null) {
          byChannel.remove(deal.channel);
        }
        open.remove();
      }
    }
  }
}
