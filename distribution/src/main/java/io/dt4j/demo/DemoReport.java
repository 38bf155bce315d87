package io.dt4j.demo;

import io.dt4j.daemon.ChannelSnapshot;
import java.util.Objects;

/**
 * What a verified demo run did; {@code dt4j demo --json} prints it with snake_case names.
 *
 * @param direction {@code pull} (node B pulled from node A) or {@code push} (A pushed to B)
 * @param transport the transport's name, e.g. {@code graphsync}
 * @param root the file's root CID
 * @param size the file's bytes
 * @param blocks the DAG's blocks
 * @param dagBytes the DAG's block bytes, what the channel moves
 * @param sha256 the SHA-256 of the source, which the received file matched, in hex
 * @param verified always true: a run that does not verify throws {@link DemoFailedException}
 * @param channel the channel's id
 * @param vouchers the vouchers the initiator sent: the request's, then one per payment the
 *     responder asked for
 * @param transferSeconds from opening the channel until both sides completed
 * @param megabytesPerSecond the file's bytes over {@code transferSeconds}, in MB/s (10^6 bytes)
 * @param elapsedSeconds the whole run, from the start of the nodes to the verification
 * @param sender the sending node's channel at its end
 * @param receiver the receiving node's channel at its end
 * @param workDir the folder kept with {@code --keep}, else null (it was deleted)
 */
public record DemoReport(
    String direction,
    String transport,
    String root,
    long size,
    long blocks,
    long dagBytes,
    String sha256,
    boolean verified,
    String channel,
    int vouchers,
    double transferSeconds,
    double megabytesPerSecond,
    double elapsedSeconds,
    Side sender,
    Side receiver,
    String workDir) {

  /** Checks that no part is missing. */
  public DemoReport {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
  }

  /**
   * One node's side of the channel at its end.
   *
   * @param node {@code A} or {@code B}
   * @param peer the node's peer id
   * @param status the channel's final status, as go-data-transfer spells it
   * @param sent the bytes the channel counted as sent
   * @param received the bytes the channel counted as received
   */
  public record Side(String node, String peer, String status, long sent, long received) {
    static Side of(String node, ChannelSnapshot channel) {
      return new Side(
          node,
          channel.selfPeer().toString(),
          channel.status().toString(),
          channel.sent(),
          channel.received());
    }
  }
}
