package io.dt4j.core.messages;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferMessageCodec;

/**
 * {@link MessageCodec} as the plugin-api {@link TransferMessageCodec}, which transports use for the
 * messages they carry as extension data (data-transfer.md §6.1).
 */
public final class VersionedMessageCodec implements TransferMessageCodec {
  /** The one instance; the codec has no state. */
  public static final VersionedMessageCodec INSTANCE = new VersionedMessageCodec();

  private VersionedMessageCodec() {}

  @Override
  public byte[] encode(TransferMessage message, boolean legacy10) throws DataTransferException {
    return MessageCodec.encode(message, version(legacy10));
  }

  @Override
  public TransferMessage decode(byte[] bytes, boolean legacy10) throws DataTransferException {
    return MessageCodec.decode(bytes, version(legacy10));
  }

  private static ProtocolVersion version(boolean legacy10) {
    return legacy10 ? ProtocolVersion.V1_0 : ProtocolVersion.V1_1;
  }
}
