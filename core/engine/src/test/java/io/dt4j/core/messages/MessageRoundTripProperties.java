package io.dt4j.core.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random messages survive both encodings, and 1.1 → 1.0 → 1.1 where 1.0 can say them. */
class MessageRoundTripProperties {

  @Property(tries = 2000)
  void anyMessageRoundTripsThrough11(@ForAll("messages") TransferMessage message) throws Exception {
    byte[] bytes = MessageCodec.encode(message, ProtocolVersion.V1_1);

    assertThat(MessageCodec.decode(bytes, ProtocolVersion.V1_1)).isEqualTo(message);
  }

  @Property(tries = 2000)
  void messagesWithoutRestartsRoundTripThrough10And11(@ForAll("messages") TransferMessage message)
      throws Exception {
    if (!expressibleIn10(message)) {
      assertThatThrownBy(() -> MessageCodec.encode(message, ProtocolVersion.V1_0))
          .isInstanceOf(UnsupportedByVersionException.class)
          .hasMessageContaining("restart not supported on 1.0");
      return;
    }
    TransferMessage via10 =
        MessageCodec.decode(
            MessageCodec.encode(message, ProtocolVersion.V1_0), ProtocolVersion.V1_0);

    assertThat(via10).isEqualTo(message);
    assertThat(MessageCodec.encode(via10, ProtocolVersion.V1_1))
        .isEqualTo(MessageCodec.encode(message, ProtocolVersion.V1_1));
  }

  private static boolean expressibleIn10(TransferMessage m) {
    return m.type() != MessageType.RESTART
        && m.type() != MessageType.RESTART_EXISTING_CHANNEL_REQUEST
        && !(m instanceof TransferRequest r && r.restartChannel().isPresent());
  }

  @Provide
  Arbitrary<TransferMessage> messages() {
    return Arbitraries.oneOf(requests().map(r -> (TransferMessage) r), responses().map(r -> r));
  }

  private Arbitrary<TransferRequest> requests() {
    Arbitrary<MessageType> types =
        Arbitraries.of(
            MessageType.NEW,
            MessageType.UPDATE,
            MessageType.CANCEL,
            MessageType.VOUCHER,
            MessageType.RESTART,
            MessageType.RESTART_EXISTING_CHANNEL_REQUEST);
    return Combinators.combine(
            types,
            Arbitraries.longs(),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            vouchers().optional(),
            channelIds().optional())
        .as(
            (type, id, root, paused, pull, voucher, restart) ->
                new TransferRequest(
                    type,
                    new TransferId(id),
                    Optional.of(Block.of(Multicodec.RAW, new byte[] {(byte) (int) root}).cid()),
                    paused,
                    pull,
                    Optional.of(root % 2 == 0 ? Selectors.EXPLORE_ALL : Selectors.MATCH_SELF),
                    voucher,
                    restart));
  }

  private Arbitrary<TransferResponse> responses() {
    Arbitrary<MessageType> types =
        Arbitraries.of(
            MessageType.NEW,
            MessageType.UPDATE,
            MessageType.CANCEL,
            MessageType.COMPLETE,
            MessageType.VOUCHER_RESULT,
            MessageType.RESTART);
    return Combinators.combine(
            types,
            Arbitraries.longs(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            vouchers().optional())
        .as(
            (type, id, accepted, paused, result) ->
                new TransferResponse(type, new TransferId(id), accepted, paused, result));
  }

  private Arbitrary<EncodedVoucher> vouchers() {
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMaxLength(20), Arbitraries.strings().ofMaxLength(40))
        .as(
            (type, data) ->
                new EncodedVoucher(
                    TypeIdentifier.of(type), DagCbor.encode(Node.list(Node.of(data)))));
  }

  private Arbitrary<ChannelId> channelIds() {
    Arbitrary<PeerId> peers =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(40)
            .map(PeerId::fromWireBytes);
    return Combinators.combine(peers, peers, Arbitraries.longs())
        .as((a, b, id) -> new ChannelId(a, b, new TransferId(id)));
  }
}
