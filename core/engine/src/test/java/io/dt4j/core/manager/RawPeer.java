package io.dt4j.core.manager;

import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.network.DataTransferNetwork;
import io.dt4j.core.network.MessageReceiver;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A peer without a manager: it sends whatever data-transfer messages a test writes, and records
 * what it receives. It plays a misbehaving or scripted counterpart.
 */
final class RawPeer implements MessageReceiver, AutoCloseable {
  final Libp2pHost host;
  final List<TransferMessage> received = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService dispatch = Executors.newCachedThreadPool();
  private final DataTransferNetwork network;

  RawPeer() throws Exception {
    host =
        new Libp2pHost(
            HostConfig.defaults(Ed25519PrivKey.generate(new SecureRandom()))
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    network =
        new DataTransferNetwork(
            host,
            ScenarioNode.NETWORK,
            scheduler,
            dispatch,
            RandomGenerator.of("L64X128MixRandom"));
    network.start(this);
  }

  PeerId peerId() {
    return host.peerId();
  }

  /** Tells {@code node} where this peer listens and this peer where the node listens. */
  void meet(ScenarioNode node) {
    node.host.addAddress(peerId(), host.listenAddresses().get(0));
    host.addAddress(node.peerId(), node.host.listenAddresses().get(0));
  }

  void send(ScenarioNode to, TransferMessage message) throws Exception {
    network.sendMessage(to.peerId(), message).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Sends several messages on one stream, so that they arrive in this order. */
  void sendOnOneStream(ScenarioNode to, TransferMessage... messages) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (TransferMessage message : messages) {
      bytes.write(
          io.dt4j.core.messages.MessageCodec.encode(
              message, io.dt4j.core.messages.ProtocolVersion.V1_1));
    }
    io.dt4j.api.host.Stream stream =
        host.newStream(
                to.peerId(), List.of(io.dt4j.core.messages.ProtocolVersion.V1_1.protocolId()))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    stream
        .write(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
        .thenCompose(v -> stream.closeWrite())
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Override
  public void receiveRequest(PeerId from, TransferRequest request) {
    received.add(request);
  }

  @Override
  public void receiveRestartExistingChannelRequest(PeerId from, TransferRequest request) {
    received.add(request);
  }

  @Override
  public void receiveResponse(PeerId from, TransferResponse response) {
    received.add(response);
  }

  @Override
  public void close() {
    network.close();
    host.close();
    scheduler.shutdownNow();
    dispatch.shutdownNow();
  }
}
