package io.dt4j.api;

import java.util.Objects;

/**
 * Identifies a channel: the initiator (who chose the transfer id), the responder and the transfer
 * id. A responder knows a channel as (remote peer, itself, id); the initiator as (itself, remote
 * peer, id).
 *
 * <p>The text form is {@code <initiator>-<responder>-<id>}, the form Go prints in logs and errors
 * and the key of a channel in the store (data-transfer.md §1.3, §7.3).
 *
 * @param initiator the peer that opened the channel
 * @param responder the peer that answered
 * @param id the transfer id chosen by the initiator
 */
public record ChannelId(PeerId initiator, PeerId responder, TransferId id) {

  /** Checks that no part is missing. */
  public ChannelId {
    Objects.requireNonNull(initiator, "initiator");
    Objects.requireNonNull(responder, "responder");
    Objects.requireNonNull(id, "id");
  }

  /**
   * Returns the peer on the other side of the channel from {@code self}.
   *
   * @param self this node's peer id, the initiator or the responder
   * @return the responder when {@code self} is the initiator, the initiator otherwise
   */
  public PeerId otherParty(PeerId self) {
    return initiator.equals(self) ? responder : initiator;
  }

  /**
   * Parses the text form {@code <initiator>-<responder>-<id>}.
   *
   * @param text the channel id text
   * @return the channel id
   * @throws IllegalArgumentException naming the text and the part that is wrong
   */
  public static ChannelId parse(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "invalid channel id '" + text + "': expected <initiator>-<responder>-<transfer id>");
    }
    return new ChannelId(
        PeerId.parse(parts[0]), PeerId.parse(parts[1]), TransferId.parse(parts[2]));
  }

  /** Returns {@code <initiator base58>-<responder base58>-<decimal transfer id>}. */
  @Override
  public String toString() {
    return initiator + "-" + responder + "-" + id;
  }
}
