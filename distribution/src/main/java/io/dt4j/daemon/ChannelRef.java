package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import java.util.Collection;
import java.util.List;

/**
 * Finds the channel a user means (CLI-CONVENTIONS §5 item 8). A reference is, in this order of
 * trial: the full channel id {@code <initiator>-<responder>-<transfer id>}, as logs and errors
 * print it; a bare transfer id; a prefix of the full id. A reference that fits several channels is
 * never guessed: the candidates are reported.
 */
public final class ChannelRef {
  private ChannelRef() {}

  /**
   * Resolves a reference among the known channels.
   *
   * @param ref the reference
   * @param known every channel id
   * @return the one channel it names
   * @throws UnknownChannelException if none matches
   * @throws AmbiguousChannelException if several match
   */
  public static ChannelId resolve(String ref, Collection<ChannelId> known) {
    String text = ref.strip();
    if (text.isEmpty()) {
      throw new UnknownChannelException(ref);
    }
    for (ChannelId id : known) {
      if (id.toString().equals(text)) {
        return id;
      }
    }
    if (text.matches("\\d{1,20}")) {
      List<ChannelId> byTransferId =
          known.stream()
              .filter(id -> id.id().toString().equals(text))
              .sorted(ChannelRef::order)
              .toList();
      if (!byTransferId.isEmpty()) {
        return one(ref, byTransferId);
      }
    }
    return one(
        ref,
        known.stream()
            .filter(id -> id.toString().startsWith(text))
            .sorted(ChannelRef::order)
            .toList());
  }

  /**
   * The lotus addressing: a transfer id, the other peer and whether this node initiated.
   *
   * @param self this node
   * @param transferId the transfer id
   * @param otherPeer the other peer
   * @param isInitiator whether this node opened the channel
   * @return the channel id
   */
  public static ChannelId of(
      PeerId self, TransferId transferId, PeerId otherPeer, boolean isInitiator) {
    return isInitiator
        ? new ChannelId(self, otherPeer, transferId)
        : new ChannelId(otherPeer, self, transferId);
  }

  private static ChannelId one(String ref, List<ChannelId> matches) {
    if (matches.isEmpty()) {
      throw new UnknownChannelException(ref);
    }
    if (matches.size() > 1) {
      throw new AmbiguousChannelException(ref, matches);
    }
    return matches.get(0);
  }

  private static int order(ChannelId a, ChannelId b) {
    return a.toString().compareTo(b.toString());
  }
}
