package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.transport.SecuredConnection;
import io.dt4j.libp2p.transport.StreamAcceptorFactory;
import io.dt4j.libp2p.transport.TcpTransport;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Dials peers for a host: one dial per peer at a time (concurrent callers share it), the peer's
 * addresses tried in turn, the result registered before the callers see it so that the next caller
 * finds the connection.
 */
final class Dialer {

  /** Hands a stream the remote opened to the host. */
  interface Acceptor {
    void accept(Libp2pConnection connection, MuxedStream stream);
  }

  private final TcpTransport transport;
  private final ConnectionRegistry connections;
  private final AddressBook addressBook;
  private final Acceptor acceptor;
  private final BiConsumer<Libp2pConnection, SecuredConnection> register;
  private final BooleanSupplier closed;
  private final ConcurrentHashMap<PeerId, CompletableFuture<Libp2pConnection>> dials =
      new ConcurrentHashMap<>();

  Dialer(
      TcpTransport transport,
      ConnectionRegistry connections,
      AddressBook addressBook,
      Acceptor acceptor,
      BiConsumer<Libp2pConnection, SecuredConnection> register,
      BooleanSupplier closed) {
    this.transport = transport;
    this.connections = connections;
    this.addressBook = addressBook;
    this.acceptor = acceptor;
    this.register = register;
    this.closed = closed;
  }

  CompletableFuture<Libp2pConnection> connection(PeerId peer, List<Multiaddr> addresses) {
    Libp2pConnection existing = connections.open(peer);
    if (existing != null) {
      return CompletableFuture.completedFuture(existing);
    }
    CompletableFuture<Libp2pConnection> mine = new CompletableFuture<>();
    CompletableFuture<Libp2pConnection> other = dials.putIfAbsent(peer, mine);
    if (other != null) {
      return other;
    }
    // a dial may have registered its connection between the check above and putIfAbsent
    existing = connections.open(peer);
    if (existing != null) {
      dials.remove(peer, mine);
      mine.complete(existing);
      return mine;
    }
    mine.whenComplete((c, e) -> dials.remove(peer, mine));
    List<Multiaddr> targets = addresses != null ? addresses : addressBook.addresses(peer);
    if (targets.isEmpty()) {
      mine.completeExceptionally(
          new DialException(peer, "no known address for peer " + peer, null));
    } else {
      dialInTurn(peer, targets, 0, mine, null);
    }
    return mine;
  }

  private void dialInTurn(
      PeerId peer,
      List<Multiaddr> targets,
      int index,
      CompletableFuture<Libp2pConnection> result,
      Throwable last) {
    if (index == targets.size()) {
      result.completeExceptionally(
          targets.size() == 1 && last != null
              ? last
              : new DialException(
                  peer,
                  "all "
                      + targets.size()
                      + " addresses of peer "
                      + peer
                      + " failed"
                      + (last != null ? "; last: " + last.getMessage() : ""),
                  last));
      return;
    }
    dialOnce(peer, targets.get(index).withoutPeerId().withPeerId(peer))
        .whenComplete(
            (c, e) -> {
              if (e == null) {
                result.complete(c);
              } else {
                dialInTurn(peer, targets, index + 1, result, unwrap(e));
              }
            });
  }

  CompletableFuture<Libp2pConnection> dialOnce(PeerId peer, Multiaddr address) {
    CompletableFuture<Libp2pConnection> result = new CompletableFuture<>();
    if (closed.getAsBoolean()) {
      result.completeExceptionally(new DialException(peer, "the host is closed", null));
      return result;
    }
    AtomicReference<Libp2pConnection> created = new AtomicReference<>();
    StreamAcceptorFactory acceptors =
        (remotePeer, remote) -> {
          Libp2pConnection connection = new Libp2pConnection(remotePeer, remote);
          created.set(connection);
          return stream -> acceptor.accept(connection, stream);
        };
    Future<SecuredConnection> dial;
    try {
      dial = transport.dial(address, acceptors);
    } catch (RuntimeException e) {
      result.completeExceptionally(
          new DialException(peer, "cannot dial " + address + ": " + e.getMessage(), e));
      return result;
    }
    dial.addListener(
        f -> {
          if (f.isSuccess()) {
            SecuredConnection sc = (SecuredConnection) f.getNow();
            Libp2pConnection connection = created.get();
            register.accept(connection, sc);
            result.complete(connection);
          } else {
            // the transport's UpgradeException already names the address and the stage
            result.completeExceptionally(
                new DialException(peer, f.cause().getMessage(), f.cause()));
          }
        });
    return result;
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
