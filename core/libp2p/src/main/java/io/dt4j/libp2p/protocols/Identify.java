package io.dt4j.libp2p.protocols;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.libp2p.crypto.MalformedKeyException;
import io.dt4j.libp2p.crypto.PubKey;
import io.dt4j.libp2p.host.ConnectionObserver;
import io.dt4j.libp2p.host.Libp2pConnection;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.host.Libp2pStream;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * identify ({@code /ipfs/id/1.0.0}) and identify push ({@code /ipfs/id/push/1.0.0}), libp2p.md §7.
 *
 * <p>On every new connection this node asks the remote for its Identify message, checks that the
 * public key matches the connection's authenticated peer id, and stores the remote's listen
 * addresses and protocols in the host's {@link io.dt4j.libp2p.host.AddressBook}. It answers the
 * same request with its own key, listen addresses, protocols and the observed address, and pushes
 * its protocols to connected peers that support push when its handlers change.
 */
public final class Identify implements ConnectionObserver {
  private static final Logger LOG = LoggerFactory.getLogger(Identify.class);

  /** The identify protocol id. */
  public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";

  /** The identify push protocol id. */
  public static final String PUSH_PROTOCOL_ID = "/ipfs/id/push/1.0.0";

  /** The protocol version go and js send. */
  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";

  private static final int MAX_STREAM_BYTES =
      IdentifyMessage.MAX_MESSAGES * (IdentifyMessage.MAX_MESSAGE_SIZE + 2);

  private final Libp2pHost host;
  private final String agentVersion;
  private final ConcurrentHashMap<PeerId, CompletableFuture<IdentifyInfo>> identified =
      new ConcurrentHashMap<>();

  private Identify(Libp2pHost host, String agentVersion) {
    this.host = host;
    this.agentVersion = agentVersion;
  }

  /** Returns {@code dt4j/<version>}, the version from the jar manifest ({@code dev} if none). */
  public static String defaultAgentVersion() {
    String version = Identify.class.getPackage().getImplementationVersion();
    return "dt4j/" + (version != null ? version : "dev");
  }

  /**
   * Serves identify and push on a host and identifies every peer that connects from now on.
   *
   * @param host the host
   * @param agentVersion the agent to announce, e.g. {@link #defaultAgentVersion()}
   * @return the service
   */
  public static Identify install(Libp2pHost host, String agentVersion) {
    Identify identify = new Identify(host, agentVersion);
    host.setStreamHandler(PROTOCOL_ID, identify::answer);
    host.setStreamHandler(PUSH_PROTOCOL_ID, identify::receivePush);
    host.addConnectionObserver(identify);
    return identify;
  }

  /**
   * Returns a stage that completes with the first identify result of a peer (past or future).
   *
   * @param peer the peer
   * @return the result; fails if identify of the peer failed
   */
  public CompletionStage<IdentifyInfo> identified(PeerId peer) {
    return slot(peer).copy();
  }

  private CompletableFuture<IdentifyInfo> slot(PeerId peer) {
    return identified.computeIfAbsent(peer, p -> new CompletableFuture<>());
  }

  @Override
  public void opened(Libp2pConnection connection) {
    identify(connection)
        .whenComplete(
            (info, e) -> {
              if (e != null) {
                LOG.info("identify of {} failed: {}", connection.remotePeer(), e.getMessage());
                slot(connection.remotePeer()).completeExceptionally(e);
              } else {
                slot(connection.remotePeer()).complete(info);
              }
            });
  }

  @Override
  public void closed(Libp2pConnection connection) {
    if (host.connections(connection.remotePeer()).isEmpty()) {
      identified.remove(connection.remotePeer());
    }
  }

  /**
   * Asks the peer of a connection for its Identify message and records it.
   *
   * @param connection the connection
   * @return the verified result
   */
  public CompletionStage<IdentifyInfo> identify(Libp2pConnection connection) {
    return host.openStream(connection, List.of(PROTOCOL_ID))
        .thenCompose(
            stream ->
                ReadToEnd.read(stream, MAX_STREAM_BYTES)
                    .whenComplete((bytes, e) -> stream.closeWrite()))
        .thenApply(bytes -> record(connection, bytes, false));
  }

  private IdentifyInfo record(Libp2pConnection connection, byte[] bytes, boolean push) {
    try {
      IdentifyMessage message = IdentifyMessage.decodeStream(bytes);
      PubKey key = verifiedKey(connection, message);
      PeerId peer = connection.remotePeer();
      host.addressBook().addAddresses(peer, message.listenAddrs());
      boolean protocolsReported = !push || !message.protocols().isEmpty();
      host.addressBook()
          .setIdentity(
              peer,
              protocolsReported ? message.protocols() : null,
              message.agentVersion().orElse(null),
              message.protocolVersion().orElse(null));
      LOG.debug(
          "identified {}: agent {}, protocols {}, addresses {}",
          peer,
          message.agentVersion().orElse("?"),
          message.protocols(),
          message.listenAddrs());
      return new IdentifyInfo(
          peer,
          key,
          message.listenAddrs(),
          host.addressBook().protocols(peer),
          message.observedAddr(),
          message.protocolVersion(),
          message.agentVersion());
    } catch (ProtocolException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  private static PubKey verifiedKey(Libp2pConnection connection, IdentifyMessage message)
      throws ProtocolException {
    if (message.publicKey().isEmpty()) {
      return connection.remoteKey();
    }
    PubKey key;
    try {
      key = PubKey.fromProtobuf(message.publicKey().get());
    } catch (MalformedKeyException e) {
      throw new ProtocolException(
          "identify from " + connection.remotePeer() + ": " + e.getMessage());
    }
    if (!key.peerId().equals(connection.remotePeer())) {
      throw new ProtocolException(
          "identify from "
              + connection.remotePeer()
              + " carries the key of another peer, "
              + key.peerId());
    }
    return key;
  }

  /** Our Identify message for the peer of a connection. */
  private IdentifyMessage ownMessage(Optional<Multiaddr> observed) {
    return new IdentifyMessage(
        Optional.of(host.config().identity().publicKey().toProtobuf()),
        host.announceAddresses(),
        List.copyOf(host.protocols()),
        observed,
        Optional.of(PROTOCOL_VERSION),
        Optional.of(agentVersion));
  }

  private void answer(Stream stream) {
    Optional<Multiaddr> observed =
        stream instanceof Libp2pStream s
            ? Optional.of(s.connection().remoteAddress())
            : Optional.empty();
    // the requester writes nothing; a listener that ignores input keeps the stream readable
    stream.setListener(Discard.INSTANCE);
    stream.write(ByteBuffer.wrap(ownMessage(observed).encodeDelimited()));
    stream.closeWrite();
  }

  private void receivePush(Stream stream) {
    if (!(stream instanceof Libp2pStream s)) {
      stream.reset();
      return;
    }
    ReadToEnd.read(stream, MAX_STREAM_BYTES)
        .thenApply(bytes -> record(s.connection(), bytes, true))
        .whenComplete(
            (info, e) -> {
              if (e != null) {
                LOG.info("identify push from {} rejected: {}", s.remotePeer(), e.getMessage());
              } else {
                stream.closeWrite();
              }
            });
  }

  @Override
  public void protocolsChanged(Set<String> protocols) {
    for (PeerId peer : host.connectedPeers()) {
      if (!host.addressBook().protocols(peer).contains(PUSH_PROTOCOL_ID)) {
        continue;
      }
      List<Libp2pConnection> connections = host.connections(peer);
      if (connections.isEmpty()) {
        continue;
      }
      host.openStream(connections.get(0), List.of(PUSH_PROTOCOL_ID))
          .thenAccept(
              stream -> {
                stream.setListener(Discard.INSTANCE);
                stream.write(ByteBuffer.wrap(ownMessage(Optional.empty()).encodeDelimited()));
                stream.closeWrite();
              })
          .exceptionally(
              e -> {
                LOG.debug("identify push to {} failed: {}", peer, e.getMessage());
                return null;
              });
    }
  }

  /** Ignores whatever arrives. */
  enum Discard implements io.dt4j.api.host.StreamListener {
    INSTANCE;

    @Override
    public void onData(ByteBuffer data) {}

    @Override
    public void onRemoteClose() {}

    @Override
    public void onReset(StreamException cause) {}
  }
}
