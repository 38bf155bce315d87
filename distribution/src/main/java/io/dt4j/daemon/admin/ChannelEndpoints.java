package io.dt4j.daemon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.Voucher;
import io.dt4j.daemon.ChannelActivity;
import io.dt4j.daemon.ChannelRef;
import io.dt4j.daemon.ChannelSnapshot;
import io.dt4j.daemon.DagJson;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.InvalidInputException;
import io.dt4j.daemon.NewTransfer;
import io.dt4j.daemon.NoTransportException;
import io.dt4j.daemon.UnknownChannelException;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.selector.InvalidSelectorException;
import io.dt4j.ipld.selector.SelectorParser;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The channel endpoints of the admin API: list, show, pause, resume, cancel, restart, send a new
 * voucher, and open a pull or push. Channels are named as {@link ChannelRef} resolves them, or by
 * lotus's tuple.
 */
final class ChannelEndpoints {
  private static final Duration DEFAULT_CANCEL_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<Status> CANCELLED_LOCALLY = Set.of(Status.CANCELLING, Status.CANCELLED);

  private final Dt4jNode node;
  private final ChannelActivity activity;
  private final Duration timeout;
  private final Clock clock;

  ChannelEndpoints(Dt4jNode node, ChannelActivity activity, Duration timeout, Clock clock) {
    this.node = node;
    this.activity = activity;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** {@code ListDataTransfers}. */
  ChannelMessages.ChannelList list() {
    return listWhere(c -> true);
  }

  /** {@code DataTransferDiagnostics}: the channels with one peer. */
  ChannelMessages.ChannelList diagnostics(String peer) {
    PeerId other = parse(peer, PeerId::parse, "peer id");
    return listWhere(c -> c.otherPeer().equals(other));
  }

  private ChannelMessages.ChannelList listWhere(Predicate<ChannelSnapshot> filter) {
    return new ChannelMessages.ChannelList(
        node.transfers().channels().stream()
            .filter(filter)
            .sorted(Comparator.comparing((ChannelSnapshot c) -> c.channelId().toString()))
            .map(this::info)
            .toList());
  }

  /** {@code DataTransferChannel}: one channel. */
  ChannelInfo show(ChannelMessages.Action action) {
    ChannelId id = resolve(action);
    return info(snapshot(id));
  }

  ChannelMessages.ActionResult pause(ChannelMessages.Action action) {
    return control(action, "pause", node.transfers()::pause);
  }

  ChannelMessages.ActionResult resume(ChannelMessages.Action action) {
    return control(action, "resume", node.transfers()::resume);
  }

  ChannelMessages.ActionResult restart(ChannelMessages.Action action) {
    return control(action, "restart", node.transfers()::restart);
  }

  /**
   * {@code SendDataTransferVoucher}: the voucher is checked as an open's is (400), then sent on the
   * channel; the responder's answer follows on the event stream.
   */
  ChannelMessages.ActionResult voucher(ChannelMessages.NewVoucher request) {
    ChannelId id = resolve(request.action());
    if (request.voucher() == null) {
      throw new InvalidInputException("voucher is required");
    }
    Voucher voucher =
        node.voucherTypes()
            .parse(required(request.voucherType(), "voucher_type"), request.voucher());
    return control(
        request.action(), "voucher", channel -> node.transfers().sendVoucher(channel, voucher));
  }

  private ChannelMessages.ActionResult control(
      ChannelMessages.Action action, String verb, Function<ChannelId, CompletionStage<Void>> op) {
    ChannelId id = resolve(action);
    requireTransport();
    Awaits.await(op.apply(id), timeout, verb + " " + id);
    return new ChannelMessages.ActionResult(id.toString(), verb, true, "");
  }

  /**
   * {@code CancelDataTransfer}: cancels locally, then waits for the peer to be told. A peer that
   * cannot be told within the cancel timeout gives a partial result, not an error (§5 item 9).
   */
  ChannelMessages.ActionResult cancel(ChannelMessages.Action action) {
    ChannelId id = resolve(action);
    Duration wait =
        action.cancelTimeoutMs() != null
            ? Duration.ofMillis(Math.max(1, Math.min(action.cancelTimeoutMs(), timeout.toMillis())))
            : DEFAULT_CANCEL_TIMEOUT;
    try {
      Awaits.await(node.transfers().cancel(id), wait, "cancel " + id);
      return new ChannelMessages.ActionResult(id.toString(), "cancel", true, "");
    } catch (ApiException e) {
      Optional<ChannelSnapshot> now = find(id);
      if (now.isPresent() && CANCELLED_LOCALLY.contains(now.get().status())) {
        return new ChannelMessages.ActionResult(
            id.toString(),
            "cancel",
            false,
            "cancelled locally; peer not notified (" + e.getMessage() + ")");
      }
      throw e;
    }
  }

  /** {@code OpenPullDataChannel} and {@code OpenPushDataChannel}. */
  ChannelMessages.Opened open(boolean pull, ChannelMessages.Open open) {
    Multiaddr address = parse(required(open.address(), "address"), Multiaddr::parse, "multiaddr");
    PeerId peer =
        address
            .peerId()
            .orElseThrow(
                () -> new InvalidInputException("address " + address + " lacks /p2p/<peer id>"));
    Cid root = parse(required(open.root(), "root"), Cid::parse, "root CID");
    Node selector = selector(open.selector());
    JsonNode voucherJson = open.voucher();
    if (voucherJson == null) {
      throw new InvalidInputException("voucher is required");
    }
    Voucher voucher =
        node.voucherTypes().parse(required(open.voucherType(), "voucher_type"), voucherJson);
    requireTransport();
    Awaits.await(node.connect(address), timeout, "connect to " + address);
    ChannelId id =
        Awaits.await(
            node.transfers().open(new NewTransfer(pull, peer, voucher, root, selector)),
            timeout,
            (pull ? "pull from " : "push to ") + peer);
    return new ChannelMessages.Opened(id.toString());
  }

  private static Node selector(JsonNode json) {
    if (json == null || json.isNull()) {
      return Selectors.EXPLORE_ALL;
    }
    try {
      Node node = DagJson.toNode(json);
      SelectorParser.parse(node);
      return node;
    } catch (IllegalArgumentException | InvalidSelectorException | MalformedIpldException e) {
      throw new InvalidInputException("selector: " + e.getMessage());
    }
  }

  private void requireTransport() {
    if (node.transport().isEmpty()) {
      throw new NoTransportException(node.config().transport(), node.config().pluginsDir());
    }
  }

  private ChannelId resolve(ChannelMessages.Action action) {
    List<ChannelId> known =
        node.transfers().channels().stream().map(ChannelSnapshot::channelId).toList();
    if (action.channel() != null) {
      return ChannelRef.resolve(action.channel(), known);
    }
    if (action.transferId() == null || action.otherPeer() == null || action.isInitiator() == null) {
      throw new InvalidInputException(
          "name the channel: give 'channel', or 'transfer_id', 'other_peer' and 'is_initiator'");
    }
    ChannelId id =
        ChannelRef.of(
            node.peerId(),
            parse(action.transferId(), TransferId::parse, "transfer id"),
            parse(action.otherPeer(), PeerId::parse, "peer id"),
            action.isInitiator());
    if (!known.contains(id)) {
      throw new UnknownChannelException(id.toString());
    }
    return id;
  }

  private Optional<ChannelSnapshot> find(ChannelId id) {
    return node.transfers().channels().stream().filter(c -> c.channelId().equals(id)).findFirst();
  }

  private ChannelSnapshot snapshot(ChannelId id) {
    return find(id).orElseThrow(() -> new UnknownChannelException(id.toString()));
  }

  private ChannelInfo info(ChannelSnapshot channel) {
    return ChannelInfo.of(channel, activity, clock.instant());
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " is required");
    }
    return value;
  }

  static <T> T parse(String text, Function<String, T> parser, String what) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | MalformedIpldException e) {
      throw new InvalidInputException("invalid " + what + " '" + text + "': " + e.getMessage());
    }
  }
}
