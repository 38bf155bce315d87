package io.dt4j.ipld.dagpb;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dag-pb node ({@code PBNode}): links in order and optional opaque data (for UnixFS, the encoded
 * {@code unixfs.pb.Data} message). The data array is copied in and out; equality compares content.
 * Absent data and present-but-empty data are different nodes with different encodings.
 *
 * @param links the links, in wire order
 * @param data the Data field, if present
 */
public record PbNode(List<PbLink> links, Optional<byte[]> data) {
  /** The node with no links and no data; it encodes to zero bytes. */
  public static final PbNode EMPTY = new PbNode(List.of(), Optional.empty());

  /**
   * Copies the links and the data.
   *
   * @param links the links, in wire order
   * @param data the Data field, if present
   */
  public PbNode {
    links = List.copyOf(links);
    data = Objects.requireNonNull(data, "data").map(byte[]::clone);
  }

  /**
   * Makes a node with data and the given links.
   *
   * @param links the links, in wire order
   * @param data the Data field
   * @return the node
   */
  public static PbNode of(List<PbLink> links, byte[] data) {
    return new PbNode(links, Optional.of(data));
  }

  /**
   * Returns a copy of the data, if present.
   *
   * @return the Data field
   */
  @Override
  public Optional<byte[]> data() {
    return data.map(byte[]::clone);
  }

  /** Returns the length of the data without copying it, or -1 if absent. */
  int dataLength() {
    return data.map(bytes -> bytes.length).orElse(-1);
  }

  /** Returns the data array itself for the encoder, which does not leak it. */
  byte[] dataUnsafe() {
    return data.orElse(null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PbNode that
        && links.equals(that.links)
        && data.isPresent() == that.data.isPresent()
        && Arrays.equals(dataUnsafe(), that.dataUnsafe());
  }

  @Override
  public int hashCode() {
    return 31 * links.hashCode() + data.map(Arrays::hashCode).orElse(-1);
  }

  @Override
  public String toString() {
    String dataText = data.map(bytes -> bytes.length + " bytes").orElse("absent");
    return "PbNode[links=" + links + ", data=" + dataText + "]";
  }
}
