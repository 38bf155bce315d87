package io.dt4j.daemon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.daemon.ChannelActivity;
import io.dt4j.daemon.ChannelSnapshot;
import io.dt4j.daemon.DagJson;
import io.dt4j.daemon.VoucherTypes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * A channel as the admin API, {@code dt4j channels --json} and {@code dt4j channel show --json}
 * show it. Field names are stable; peer ids and CIDs are given in full, byte counts raw.
 *
 * @param id the full channel id, {@code <initiator>-<responder>-<transfer id>}
 * @param transferId the transfer id (unsigned decimal)
 * @param initiator the initiator's peer id
 * @param responder the responder's peer id
 * @param selfPeer this node's peer id
 * @param otherPeer the other peer's id
 * @param isInitiator whether this node opened the channel
 * @param isPull whether the initiator receives the data
 * @param direction {@code sending} or {@code receiving}, seen from this node
 * @param status the go-data-transfer status name, e.g. {@code Ongoing}
 * @param baseCid the root CID
 * @param selector the selector as DAG-JSON
 * @param voucherType the last voucher's type, or null
 * @param voucher the last voucher as DAG-JSON, or null
 * @param voucherResultType the last voucher result's type, or null
 * @param voucherResult the last voucher result as DAG-JSON (e.g. a retrieval provider's answer), or
 *     null
 * @param totalSize total bytes if known, else 0
 * @param sent bytes sent
 * @param received bytes received
 * @param queued bytes queued for sending
 * @param transferred bytes moved in this node's direction
 * @param progress transferred / total size, 0 to 1, or null if the size is not known
 * @param rateBps bytes per second over the last 10 s
 * @param etaS seconds left at that rate, or null if not known
 * @param stalled whether an ongoing channel has not moved for 5 minutes
 * @param message the last error or information; may be empty
 * @param receivedCids distinct blocks received
 * @param created when the channel was created on this node (ISO-8601 UTC, milliseconds), or null if
 *     not known (a channel stored before dt4j kept it)
 * @param updated when the daemon last saw an event of the channel (RFC 3339), or null
 * @param transportCounters what the transport counted for the channel, by name (graphsync: {@code
 *     blocksOnWire}, {@code bytesOnWire}, {@code duplicateBlocks} on the receiving node); empty if
 *     nothing, and always empty in the event stream
 */
public record ChannelInfo(
    String id,
    String transferId,
    String initiator,
    String responder,
    String selfPeer,
    String otherPeer,
    boolean isInitiator,
    boolean isPull,
    String direction,
    String status,
    String baseCid,
    JsonNode selector,
    String voucherType,
    JsonNode voucher,
    String voucherResultType,
    JsonNode voucherResult,
    long totalSize,
    long sent,
    long received,
    long queued,
    long transferred,
    Double progress,
    double rateBps,
    Long etaS,
    boolean stalled,
    String message,
    long receivedCids,
    String created,
    String updated,
    Map<String, Long> transportCounters) {

  /**
   * Describes a channel.
   *
   * @param c the channel
   * @param activity what the daemon learned from its events
   * @param now the time to compute rate and stall at
   * @return the description
   */
  public static ChannelInfo of(ChannelSnapshot c, ChannelActivity activity, Instant now) {
    return of(c, activity, now, Map.of());
  }

  /**
   * Describes a channel with its transport's counters.
   *
   * @param c the channel
   * @param activity what the daemon learned from its events
   * @param now the time to compute rate and stall at
   * @param transportCounters the transport's counters of the channel
   * @return the description
   */
  public static ChannelInfo of(
      ChannelSnapshot c,
      ChannelActivity activity,
      Instant now,
      Map<String, Long> transportCounters) {
    long transferred = c.transferred();
    double rate = activity.rate(c.channelId(), now);
    Double progress =
        c.totalSize() > 0 ? Math.min(1.0, (double) transferred / c.totalSize()) : null;
    Long eta =
        c.totalSize() > 0 && rate > 0
            ? (long) Math.ceil(Math.max(0, c.totalSize() - transferred) / rate)
            : null;
    return new ChannelInfo(
        c.channelId().toString(),
        c.channelId().id().toString(),
        c.channelId().initiator().toString(),
        c.channelId().responder().toString(),
        c.selfPeer().toString(),
        c.otherPeer().toString(),
        c.isInitiator(),
        c.recipient().equals(c.channelId().initiator()),
        c.isSender() ? "sending" : "receiving",
        c.status().goName(),
        c.baseCid().toString(),
        DagJson.toJson(c.selector()),
        c.voucher().map(v -> v.type().value()).orElse(null),
        c.voucher().map(VoucherTypes::toJson).orElse(null),
        c.voucherResult().map(v -> v.type().value()).orElse(null),
        c.voucherResult().map(VoucherTypes::toJson).orElse(null),
        c.totalSize(),
        c.sent(),
        c.received(),
        c.queued(),
        transferred,
        progress,
        rate,
        eta,
        activity.stalled(c, now),
        c.message(),
        c.receivedCids(),
        c.created().map(t -> t.truncatedTo(ChronoUnit.MILLIS).toString()).orElse(null),
        activity.updated(c.channelId()).map(Instant::toString).orElse(null),
        new TreeMap<>(transportCounters));
  }
}
