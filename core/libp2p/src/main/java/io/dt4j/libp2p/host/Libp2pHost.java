package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.host.ConnectionListener;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamHandler;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.transport.ConnectionHandler;
import io.dt4j.libp2p.transport.SecuredConnection;
import io.dt4j.libp2p.transport.StreamAcceptorFactory;
import io.dt4j.libp2p.transport.TcpListener;
import io.dt4j.libp2p.transport.TcpTransport;
import io.dt4j.libp2p.transport.Upgrader;
import io.netty.buffer.ByteBuf;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libp2p host: TCP + Noise + yamux/mplex on one Netty event loop group, one connection per peer
 * (reused by every stream; concurrent dials to a peer share one attempt), an {@link AddressBook} to
 * dial peers by id, and multistream-select on every stream (libp2p.md §0, §3).
 *
 * <p>Implements the plugin API's {@link Host}; nothing of Netty crosses that interface. Protocol
 * services (identify, ping, ...) live in {@code io.dt4j.libp2p.protocols} and plug in through
 * {@link #setStreamHandler} and {@link #addConnectionObserver}.
 *
 * <p>Thread-safe. Callbacks (stream listeners, handlers, stage continuations of this host's stages)
 * run on the connection's event loop and must not block.
 */
public final class Libp2pHost implements Host, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Libp2pHost.class);

  private final HostConfig config;
  private final PeerId peerId;
  private final Upgrader upgrader;
  private final TcpTransport transport;
  private final AddressBook addressBook = new AddressBook();
  private final ConcurrentHashMap<String, StreamHandler> handlers = new ConcurrentHashMap<>();
  private final ConnectionRegistry connections = new ConnectionRegistry();
  private final Dialer dialer;

  /** Inbound connections whose muxer is installed but whose upgrade result is not out yet. */
  private record PendingInbound(Libp2pConnection connection, long sinceNanos) {}

  private final ConcurrentHashMap<String, PendingInbound> inboundUpgrades =
      new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<TcpListener> tcpListeners = new CopyOnWriteArrayList<>();
  private volatile List<Multiaddr> listenAddresses = List.of();
  private volatile boolean closed;

  /**
   * Creates the host and its event loops; call {@link #listen()} to accept connections.
   *
   * @param config the settings
   */
  public Libp2pHost(HostConfig config) {
    this.config = config;
    this.peerId = config.identity().peerId();
    this.upgrader =
        new Upgrader(
            config.identity(),
            config.muxers(),
            config.upgrade(),
            config.cipherSuite(),
            new SecureRandom());
    this.transport = new TcpTransport(upgrader, config.ioThreads(), config.connectTimeout());
    this.dialer =
        new Dialer(transport, connections, addressBook, this::accept, this::register, () -> closed);
  }

  @Override
  public PeerId peerId() {
    return peerId;
  }

  /** Returns the settings. */
  public HostConfig config() {
    return config;
  }

  /** Returns the Noise cipher implementation in use. */
  public NoiseCipherSuite cipherSuite() {
    return upgrader.cipherSuite();
  }

  /** Returns the I/O implementation: {@code epoll} or {@code nio}. */
  public String ioName() {
    return transport.ioName();
  }

  /** Returns the address book used to dial peers by id. */
  public AddressBook addressBook() {
    return addressBook;
  }

  /**
   * Adds an address of a peer for later dials.
   *
   * @param peer the peer
   * @param address its address; a {@code /p2p} suffix is removed
   */
  public void addAddress(PeerId peer, Multiaddr address) {
    addressBook.addAddress(peer, address);
  }

  /**
   * Starts listening on the configured addresses.
   *
   * @return completes with the bound addresses, each ending in {@code /p2p/<this peer id>}
   */
  public CompletionStage<List<Multiaddr>> listen() {
    List<CompletableFuture<Multiaddr>> bound = new ArrayList<>();
    StreamAcceptorFactory acceptors =
        (peer, remote) -> {
          Libp2pConnection connection = new Libp2pConnection(peer, remote);
          long now = System.nanoTime();
          // an upgrade that fails after this point never reaches the handler: forget it later
          long stale = 2 * config.upgrade().upgradeTimeout().toNanos();
          inboundUpgrades.values().removeIf(p -> now - p.sinceNanos() > stale);
          inboundUpgrades.put(upgradeKey(peer, remote), new PendingInbound(connection, now));
          return stream -> accept(connection, stream);
        };
    ConnectionHandler handler =
        sc -> {
          PendingInbound pending =
              inboundUpgrades.remove(upgradeKey(sc.remotePeer(), sc.remoteAddress()));
          register(
              pending != null
                  ? pending.connection()
                  : new Libp2pConnection(sc.remotePeer(), sc.remoteAddress()),
              sc);
        };
    for (Multiaddr address : config.listenAddresses()) {
      CompletableFuture<Multiaddr> one = new CompletableFuture<>();
      transport
          .listen(address, acceptors, handler)
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  TcpListener listener = (TcpListener) f.getNow();
                  tcpListeners.add(listener);
                  one.complete(listener.address());
                } else {
                  one.completeExceptionally(
                      new DialException(
                          null,
                          "cannot listen on " + address + ": " + f.cause().getMessage(),
                          f.cause()));
                }
              });
      bound.add(one);
    }
    return CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              List<Multiaddr> addrs =
                  bound.stream().map(f -> f.getNow(null)).toList(); // all done here
              listenAddresses = addrs;
              return addrs.stream().map(a -> a.withPeerId(peerId)).toList();
            });
  }

  /** Returns the bound listen addresses, without {@code /p2p}; empty before {@link #listen()}. */
  public List<Multiaddr> listenAddresses() {
    return listenAddresses;
  }

  /**
   * Returns the addresses peers should dial: the configured announce addresses, or the bound listen
   * addresses when none are configured (what identify sends as {@code listenAddrs}).
   */
  public List<Multiaddr> announceAddresses() {
    List<Multiaddr> announced = config.announceAddresses();
    return announced.isEmpty() ? listenAddresses : announced;
  }

  private static String upgradeKey(PeerId peer, Multiaddr remote) {
    return peer + " " + remote;
  }

  /**
   * Connects to an address, or returns the open connection to its peer. With a {@code /p2p} suffix,
   * the remote must prove that identity, the address is added to the address book, and concurrent
   * calls for the same peer share one dial.
   *
   * @param address {@code /ip4|ip6/<addr>/tcp/<port>[/p2p/<id>]}
   * @return completes with the connection, or fails with {@link DialException}
   */
  public CompletionStage<Libp2pConnection> connect(Multiaddr address) {
    Optional<PeerId> peer = address.peerId();
    if (peer.isEmpty()) {
      return dialOnce(null, address);
    }
    addressBook.addAddress(peer.get(), address);
    return connection(peer.get(), List.of(address));
  }

  /**
   * Returns the open connection to a peer, dialing its known addresses if there is none.
   *
   * @param peer the peer
   * @return completes with the connection, or fails with {@link DialException}
   */
  public CompletionStage<Libp2pConnection> connect(PeerId peer) {
    return connection(peer, null);
  }

  private CompletableFuture<Libp2pConnection> connection(PeerId peer, List<Multiaddr> addresses) {
    return dialer.connection(peer, addresses);
  }

  private CompletableFuture<Libp2pConnection> dialOnce(PeerId peer, Multiaddr address) {
    return dialer.dialOnce(peer, address);
  }

  private Libp2pConnection existing(PeerId peer) {
    return connections.open(peer);
  }

  private void register(Libp2pConnection connection, SecuredConnection sc) {
    connection.bind(sc);
    if (closed) {
      sc.channel().close();
      return;
    }
    connections.add(connection);
  }

  /** A stream the remote opened: answer its proposals from the handlers. Event loop. */
  private void accept(Libp2pConnection connection, MuxedStream muxed) {
    Libp2pStream stream = new Libp2pStream(muxed, connection);
    StreamNegotiation negotiation =
        StreamNegotiation.listener(
            muxed,
            handlers::containsKey,
            new StreamNegotiation.Outcome() {
              @Override
              public void selected(String protocol, ByteBuf leftover) {
                stream.selected(protocol, leftover);
                StreamHandler handler = handlers.get(protocol);
                if (handler == null) {
                  stream.reset();
                  return;
                }
                try {
                  handler.handle(stream);
                } catch (RuntimeException e) {
                  LOG.warn("handler of {} failed on {}; resetting it", protocol, stream, e);
                  stream.reset();
                }
              }

              @Override
              public void failed(NegotiationException cause) {
                LOG.debug(
                    "inbound stream from {}: {}", connection.remotePeer(), cause.getMessage());
              }
            });
    stream.negotiate(negotiation, config.streamNegotiationTimeout());
  }

  @Override
  public CompletionStage<Stream> newStream(PeerId peer, List<String> protocolIds) {
    return openStream(peer, protocolIds).thenApply(s -> s);
  }

  /**
   * Like {@link #newStream}, typed: opens a stream to a peer, dialing it if needed.
   *
   * @param peer the peer
   * @param protocolIds protocols in order of preference
   * @return the negotiated stream, or fails with {@link StreamException}
   */
  public CompletionStage<Libp2pStream> openStream(PeerId peer, List<String> protocolIds) {
    if (protocolIds.isEmpty()) {
      throw new IllegalArgumentException("no protocol id given");
    }
    return connection(peer, null)
        .handle(
            (c, e) -> {
              if (e != null) {
                Throwable cause = unwrap(e);
                CompletableFuture<Libp2pStream> failed = new CompletableFuture<>();
                failed.completeExceptionally(
                    new StreamException(
                        "cannot open " + protocolIds + " to " + peer + ": " + cause.getMessage(),
                        cause));
                return (CompletionStage<Libp2pStream>) failed;
              }
              return openStream(c, protocolIds);
            })
        .thenCompose(s -> s);
  }

  /**
   * Opens a stream on a given connection.
   *
   * @param connection the connection
   * @param protocolIds protocols in order of preference
   * @return the negotiated stream, or fails with {@link StreamException}
   */
  public CompletionStage<Libp2pStream> openStream(
      Libp2pConnection connection, List<String> protocolIds) {
    CompletableFuture<Libp2pStream> result = new CompletableFuture<>();
    PeerId peer = connection.remotePeer();
    connection
        .muxer()
        .openStream()
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new StreamException(
                        "cannot open a stream to " + peer + ": " + f.cause().getMessage(),
                        f.cause()));
                return;
              }
              MuxedStream muxed = (MuxedStream) f.getNow();
              Libp2pStream stream = new Libp2pStream(muxed, connection);
              StreamNegotiation negotiation =
                  StreamNegotiation.dialer(
                      muxed,
                      protocolIds,
                      new StreamNegotiation.Outcome() {
                        @Override
                        public void selected(String protocol, ByteBuf leftover) {
                          stream.selected(protocol, leftover);
                          result.complete(stream);
                        }

                        @Override
                        public void failed(NegotiationException cause) {
                          result.completeExceptionally(
                              new NegotiationException(
                                  cause.reason(), "stream to " + peer + ": " + cause.getMessage()));
                        }
                      });
              Runnable start =
                  () -> stream.negotiate(negotiation, config.streamNegotiationTimeout());
              if (muxed.eventLoop().inEventLoop()) {
                start.run();
              } else {
                muxed.eventLoop().execute(start);
              }
            });
    return result;
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  @Override
  public void setStreamHandler(String protocolId, StreamHandler handler) {
    StreamHandler previous = handlers.put(protocolId, handler);
    if (previous == null) {
      protocolsChanged();
    }
  }

  @Override
  public void removeStreamHandler(String protocolId) {
    if (handlers.remove(protocolId) != null) {
      protocolsChanged();
    }
  }

  /** Returns the protocols with a handler, sorted. */
  public Set<String> protocols() {
    return new TreeSet<>(handlers.keySet());
  }

  private void protocolsChanged() {
    connections.protocolsChanged(protocols());
  }

  @Override
  public Set<PeerId> connectedPeers() {
    return connections.peers();
  }

  @Override
  public CompletionStage<Void> disconnect(PeerId peer) {
    List<Libp2pConnection> open = connections.of(peer);
    LOG.debug("disconnecting {} ({} connections)", peer, open.size());
    return CompletableFuture.allOf(
        open.stream().map(c -> c.close().toCompletableFuture()).toArray(CompletableFuture[]::new));
  }

  /** Returns the open connections to a peer (normally at most one). */
  public List<Libp2pConnection> connections(PeerId peer) {
    return connections.of(peer);
  }

  @Override
  public Subscription addConnectionListener(ConnectionListener listener) {
    return connections.addListener(listener);
  }

  /**
   * Registers an observer of every connection and of protocol changes.
   *
   * @param observer the observer
   * @return the registration
   */
  public Subscription addConnectionObserver(ConnectionObserver observer) {
    return connections.addObserver(observer);
  }

  /** Closes listeners and connections and stops the event loops. Idempotent; blocks briefly. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    tcpListeners.forEach(TcpListener::close);
    connections.closeAll();
    transport.close();
  }

  @Override
  public String toString() {
    return "libp2p host " + peerId;
  }
}
