package io.dt4j.core.messages;

import java.util.Optional;

/**
 * The two data-transfer protocol versions and their libp2p protocol ids (data-transfer.md §1.1).
 */
public enum ProtocolVersion {
  /** {@code /fil/datatransfer/1.0.0}: tuple encoding, no restart messages. */
  V1_0("/fil/datatransfer/1.0.0"),
  /** {@code /fil/datatransfer/1.1.0}: map encoding. */
  V1_1("/fil/datatransfer/1.1.0");

  private final String protocolId;

  ProtocolVersion(String protocolId) {
    this.protocolId = protocolId;
  }

  /** Returns the libp2p protocol id. */
  public String protocolId() {
    return protocolId;
  }

  /**
   * Returns the version of a protocol id.
   *
   * @param protocolId a negotiated protocol id
   * @return the version, if it is one of the two
   */
  public static Optional<ProtocolVersion> of(String protocolId) {
    for (ProtocolVersion v : values()) {
      if (v.protocolId.equals(protocolId)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the version named like {@code 1.0} or {@code 1.1}.
   *
   * @param version the short name
   * @return the version
   * @throws IllegalArgumentException for another name
   */
  public static ProtocolVersion parse(String version) {
    return switch (version) {
      case "1.0" -> V1_0;
      case "1.1" -> V1_1;
      default ->
          throw new IllegalArgumentException(
              "unknown data-transfer protocol version '" + version + "' (known: 1.0, 1.1)");
    };
  }
}
