package io.dt4j.benchmarks;

import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.messages.UnsupportedByVersionException;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DAG-CBOR encode and decode of the two documents on the data path: a data-transfer 1.1 request (as
 * a node tree, the layer under {@link MessageCodecBenchmark}) and a graphsync response's metadata
 * for 100 links ({@code [{"link": CID, "blockPresent": true}, ...]}, graphsync spec §4.2.1), the
 * shape one response message carries per batch of blocks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DagCborBenchmark {
  private static final int LINKS = 100;

  private final Node message = DagCbor.decode(requestBytes());
  private final byte[] messageBytes = DagCbor.encode(message);
  private final Node metadata = metadata();
  private final byte[] metadataBytes = DagCbor.encode(metadata);

  private static byte[] requestBytes() {
    try {
      return MessageCodec.encode(MessageCodecBenchmark.typicalRequest(), ProtocolVersion.V1_1);
    } catch (UnsupportedByVersionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Node metadata() {
    List<Node> entries = new ArrayList<>();
    for (int i = 0; i < LINKS; i++) {
      entries.add(
          Node.map()
              .put("link", Node.link(Block.of(Multicodec.RAW, new byte[] {(byte) i}).cid()))
              .put("blockPresent", Node.of(true))
              .build());
    }
    return new Node.ListNode(entries);
  }

  /** Encodes the data-transfer request's node tree. */
  @Benchmark
  public byte[] encodeMessage() {
    return DagCbor.encode(message);
  }

  /** Decodes the data-transfer request into a node tree. */
  @Benchmark
  public Node decodeMessage() {
    return DagCbor.decode(messageBytes);
  }

  /** Encodes 100 links of graphsync metadata. */
  @Benchmark
  public byte[] encodeMetadata() {
    return DagCbor.encode(metadata);
  }

  /** Decodes 100 links of graphsync metadata. */
  @Benchmark
  public Node decodeMetadata() {
    return DagCbor.decode(metadataBytes);
  }
}
