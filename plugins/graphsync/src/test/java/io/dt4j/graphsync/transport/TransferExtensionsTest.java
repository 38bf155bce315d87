package io.dt4j.graphsync.transport;

import static io.dt4j.graphsync.transport.TransferExtensions.INCOMING_REQUEST;
import static io.dt4j.graphsync.transport.TransferExtensions.OUTGOING_BLOCK;
import static io.dt4j.graphsync.transport.TransferExtensions.V1_0;
import static io.dt4j.graphsync.transport.TransferExtensions.V1_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.messages.VersionedMessageCodec;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.transport.TransferExtensions.NameList;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data-transfer name lists of data-transfer.md §6.1: which names a message goes under. */
class TransferExtensionsTest {
  private static final Cid ROOT =
      Cid.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");
  private static final EncodedVoucher VOUCHER =
      new EncodedVoucher(TypeIdentifier.of("dt4j/ExampleVoucher"), new byte[] {(byte) 0x80});

  private final TransferExtensions extensions =
      new TransferExtensions(VersionedMessageCodec.INSTANCE);

  @Test
  void aNewRequestGoesUnderTheSupportedNamesEachInItsOwnEncoding() throws Exception {
    TransferRequest request = request(MessageType.NEW, 7);

    Extensions encoded = extensions.encode(request, NameList.SUPPORTED);

    assertThat(encoded.names()).containsExactly(V1_1, V1_0);
    assertThat(VersionedMessageCodec.INSTANCE.decode(encoded.get(V1_1).get(), false))
        .isEqualTo(request);
    assertThat(VersionedMessageCodec.INSTANCE.decode(encoded.get(V1_0).get(), true))
        .isEqualTo(request);
  }

  @Test
  void aRestartHasNoLegacyForm() throws Exception {
    Extensions encoded = extensions.encode(request(MessageType.RESTART, 7), NameList.SUPPORTED);

    assertThat(encoded.names()).containsExactly(V1_1);
  }

  @Test
  void repliesAndBlockMessagesCarryTheirOwnNameFirst() throws Exception {
    TransferResponse response = response(3);

    assertThat(extensions.encode(response, NameList.INCOMING_REQUEST).names())
        .containsExactly(INCOMING_REQUEST, V1_1, V1_0);
    assertThat(extensions.encode(response, NameList.OUTGOING_BLOCK).names())
        .containsExactly(OUTGOING_BLOCK, V1_1, V1_0);
  }

  @Test
  void decodingTakesTheFirstNameOfTheListThatIsPresent() throws Exception {
    Extensions mixed =
        extensions
            .encode(response(1), NameList.SUPPORTED)
            .withAll(Extensions.of(INCOMING_REQUEST, encode11(response(2))));

    assertThat(transferId(extensions.decode(mixed, NameList.INCOMING_REQUEST))).isEqualTo(2);
    assertThat(transferId(extensions.decode(mixed, NameList.SUPPORTED))).isEqualTo(1);
  }

  @Test
  void aLegacyOnlyPeerIsUnderstood() throws Exception {
    Extensions legacy =
        Extensions.of(V1_0, VersionedMessageCodec.INSTANCE.encode(response(5), true));

    assertThat(transferId(extensions.decode(legacy, NameList.SUPPORTED))).isEqualTo(5);
  }

  @Test
  void theSecondResponsePassReadsOnlyTheOutgoingBlockName() throws Exception {
    Extensions generic = extensions.encode(response(4), NameList.SUPPORTED);

    assertThat(extensions.decode(generic, NameList.OUTGOING_BLOCK_ONLY)).isEmpty();
    assertThat(extensions.decode(Extensions.none(), NameList.SUPPORTED)).isEmpty();
  }

  @Test
  void malformedBytesAreATypedFailure() {
    Extensions broken = Extensions.of(V1_1, new byte[] {(byte) 0xa3, 0x01});

    assertThatThrownBy(() -> extensions.decode(broken, NameList.SUPPORTED))
        .isInstanceOf(DataTransferException.class)
        .hasMessageContaining("1.1");
  }

  private static TransferRequest request(MessageType type, long id) {
    return new TransferRequest(
        type,
        new TransferId(id),
        Optional.of(ROOT),
        false,
        true,
        Optional.of(Selectors.EXPLORE_ALL),
        Optional.of(VOUCHER),
        Optional.empty());
  }

  private static TransferResponse response(long id) {
    return new TransferResponse(MessageType.NEW, new TransferId(id), true, false, Optional.empty());
  }

  private static byte[] encode11(TransferMessage message) throws DataTransferException {
    return VersionedMessageCodec.INSTANCE.encode(message, false);
  }

  private static long transferId(Optional<TransferMessage> message) {
    return message.orElseThrow().transferId().value();
  }
}
