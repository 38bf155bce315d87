package io.dt4j.graphsync.transport;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferMessageCodec;
import io.dt4j.graphsync.message.Extensions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Data-transfer messages as graphsync extension data (data-transfer.md §6.1): a message is attached
 * under every name of a list, each in its name's encoding, and read back from the first name of a
 * list that is present. The 1.0 name is left out for messages the codec cannot express in 1.0
 * (restarts).
 */
public final class TransferExtensions {
  /** The generic 1.1 carrier. */
  public static final String V1_1 = "fil/data-transfer/1.1";

  /** The legacy 1.0 carrier (tuple encoding). */
  public static final String V1_0 = "fil/data-transfer";

  /** Responses produced while handling an incoming graphsync request. */
  public static final String INCOMING_REQUEST = "fil/data-transfer/incoming-request/1.1";

  /** Messages attached to an outgoing block. */
  public static final String OUTGOING_BLOCK = "fil/data-transfer/outgoing-block/1.1";

  /** The names of one use, in order (data-transfer.md §6.1, name lists). */
  public enum NameList {
    /** New requests, unpauses, replies in the update and incoming-response hooks. */
    SUPPORTED(List.of(V1_1, V1_0)),
    /** Replies to an incoming graphsync request; the first pass of the incoming-response hook. */
    INCOMING_REQUEST(List.of(TransferExtensions.INCOMING_REQUEST, V1_1, V1_0)),
    /** Messages on a block. */
    OUTGOING_BLOCK(List.of(TransferExtensions.OUTGOING_BLOCK, V1_1, V1_0)),
    /** The second pass of the incoming-response hook reads only the outgoing-block name. */
    OUTGOING_BLOCK_ONLY(List.of(TransferExtensions.OUTGOING_BLOCK));

    private final List<String> names;

    NameList(List<String> names) {
      this.names = names;
    }

    /** {@return the names, in order} */
    public List<String> names() {
      return names;
    }
  }

  private final TransferMessageCodec codec;

  /**
   * Creates the binding over the node's message codec.
   *
   * @param codec the codec
   */
  public TransferExtensions(TransferMessageCodec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * Encodes a message under every name of a list.
   *
   * @param message the message
   * @param list the names
   * @return the extensions
   * @throws DataTransferException if the codec refuses the message
   */
  public Extensions encode(TransferMessage message, NameList list) throws DataTransferException {
    Extensions extensions = Extensions.none();
    byte[] v11 = null;
    for (String name : list.names()) {
      if (name.equals(V1_0)) {
        Optional<byte[]> v10 = legacyForm(message);
        if (v10.isPresent()) {
          extensions = extensions.with(name, v10.get());
        }
      } else {
        if (v11 == null) {
          v11 = codec.encode(message, false);
        }
        extensions = extensions.with(name, v11);
      }
    }
    return extensions;
  }

  /**
   * Decodes the message under the first name of a list that is present.
   *
   * @param extensions the extension data of a graphsync request or response
   * @param list the names
   * @return the message, or empty if no name of the list is present
   * @throws DataTransferException if the bytes under that name are not a valid message
   */
  public Optional<TransferMessage> decode(Extensions extensions, NameList list)
      throws DataTransferException {
    for (String name : list.names()) {
      Optional<byte[]> data = extensions.get(name);
      if (data.isPresent()) {
        return Optional.of(codec.decode(data.get(), name.equals(V1_0)));
      }
    }
    return Optional.empty();
  }

  /** The 1.0 form, or empty when 1.0 cannot express the message (restarts, §1.4). */
  private Optional<byte[]> legacyForm(TransferMessage message) {
    try {
      return Optional.of(codec.encode(message, true));
    } catch (DataTransferException notIn10) {
      return Optional.empty();
    }
  }
}
