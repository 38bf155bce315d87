package io.dt4j.graphsync.transport;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.host.Stream;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.example.voucher.ExampleVoucher;
import io.dt4j.example.voucher.ExampleVoucherType;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacking peer without a manager: it opens data-transfer streams to a victim as fast as it may
 * (a bounded number at once), each carrying one New pull request with a voucher the victim accepts,
 * for a given count of streams or until a deadline, whichever comes first. It dials again whenever
 * the victim disconnects it, and counts what happened.
 */
final class Flooder implements AutoCloseable {
  private static final String PROTOCOL = ProtocolVersion.V1_1.protocolId();
  private static final int IN_FLIGHT = 64;

  final Libp2pHost host;
  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger written = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  final AtomicInteger answersHeard = new AtomicInteger();
  final AtomicInteger disconnects = new AtomicInteger();
  volatile Duration took = Duration.ZERO;
  volatile boolean overlapped;
  private volatile boolean stopped;

  Flooder() throws Exception {
    host =
        new Libp2pHost(
            HostConfig.defaults(Ed25519PrivKey.generate(new SecureRandom()))
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    // the victim answers admitted requests and some dropped ones: count the answers, read nothing
    host.setStreamHandler(
        PROTOCOL,
        stream -> {
          answersHeard.incrementAndGet();
          stream.reset();
        });
  }

  /** Tells the flooder where the victim listens. */
  void targets(TransferNode victim) {
    host.addAddress(victim.host.peerId(), victim.host.listenAddresses().get(0));
    victim.host.addConnectionListener(
        new io.dt4j.api.host.ConnectionListener() {
          @Override
          public void connected(PeerId peer) {}

          @Override
          public void disconnected(PeerId peer) {
            if (peer.equals(host.peerId())) {
              disconnects.incrementAndGet();
            }
          }
        });
  }

  /**
   * Floods in the background.
   *
   * @param victim the peer attacked
   * @param root the root its requests ask for
   * @param streams how many streams (one request each) at most
   * @param bound how long at most
   * @return completes when the flood is over
   */
  CompletableFuture<Void> flood(PeerId victim, Cid root, int streams, Duration bound) {
    return CompletableFuture.runAsync(
        () -> {
          long start = System.nanoTime();
          long deadline = start + bound.toNanos();
          Semaphore slots = new Semaphore(IN_FLIGHT);
          for (int i = 0; i < streams && !stopped && System.nanoTime() < deadline; i++) {
            if (!acquire(slots, deadline)) {
              break;
            }
            byte[] request = request(i, root);
            host.newStream(victim, List.of(PROTOCOL))
                .thenCompose(stream -> send(stream, request))
                .whenComplete(
                    (v, error) -> {
                      (error == null ? written : failed).incrementAndGet();
                      slots.release();
                    });
          }
          acquire(slots, deadline, IN_FLIGHT);
          took = Duration.ofNanos(System.nanoTime() - start);
        });
  }

  private CompletableFuture<Void> send(Stream stream, byte[] request) {
    opened.incrementAndGet();
    return stream
        .write(ByteBuffer.wrap(request))
        .thenCompose(v -> stream.closeWrite())
        .toCompletableFuture();
  }

  private static boolean acquire(Semaphore slots, long deadline) {
    return acquire(slots, deadline, 1);
  }

  private static boolean acquire(Semaphore slots, long deadline, int permits) {
    try {
      return slots.tryAcquire(
          permits, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static byte[] request(long id, Cid root) {
    EncodedVoucher voucher =
        new EncodedVoucher(
            new ExampleVoucherType().identifier(),
            new ExampleVoucherType().encode(new ExampleVoucher("deal-flood-" + id, 1L << 20)));
    TransferRequest pull =
        new TransferRequest(
            MessageType.NEW,
            new TransferId(id),
            Optional.of(root),
            false,
            true,
            Optional.of(Selectors.EXPLORE_ALL),
            Optional.of(voucher),
            Optional.empty());
    try {
      return MessageCodec.encode(pull, ProtocolVersion.V1_1);
    } catch (io.dt4j.core.messages.UnsupportedByVersionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stopped = true;
    host.close();
  }
}
