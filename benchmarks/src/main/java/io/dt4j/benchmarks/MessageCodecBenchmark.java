package io.dt4j.benchmarks;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.messages.MalformedMessageException;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.messages.UnsupportedByVersionException;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import java.util.Optional;
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
 * Encode and decode of a typical data-transfer request with a voucher: a 1.1 New pull request for a
 * CIDv1 root, the explore-all selector and a ~100-byte voucher (a Filecoin deal proposal's size).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageCodecBenchmark {
  private final TransferMessage request = typicalRequest();
  private final byte[] encoded11 = encodeOrFail(ProtocolVersion.V1_1);
  private final byte[] encoded10 = encodeOrFail(ProtocolVersion.V1_0);

  /** The request measured here, and under DAG-CBOR in {@link DagCborBenchmark}. */
  static TransferRequest typicalRequest() {
    return new TransferRequest(
        MessageType.NEW,
        new TransferId(1_700_000_000_000_000_000L),
        Optional.of(Block.of(Multicodec.RAW, "hello world".getBytes()).cid()),
        false,
        true,
        Optional.of(Selectors.EXPLORE_ALL),
        Optional.of(
            new EncodedVoucher(
                TypeIdentifier.of("RetrievalDealProposal/1"),
                DagCbor.encode(Node.list(Node.of("x".repeat(96)), Node.of(42L))))),
        Optional.empty());
  }

  private byte[] encodeOrFail(ProtocolVersion version) {
    try {
      return MessageCodec.encode(request, version);
    } catch (UnsupportedByVersionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Encodes the request in 1.1. */
  @Benchmark
  public byte[] encode11() throws UnsupportedByVersionException {
    return MessageCodec.encode(request, ProtocolVersion.V1_1);
  }

  /** Decodes the request from 1.1 bytes. */
  @Benchmark
  public TransferMessage decode11() throws MalformedMessageException {
    return MessageCodec.decode(encoded11, ProtocolVersion.V1_1);
  }

  /** Encodes the request in 1.0. */
  @Benchmark
  public byte[] encode10() throws UnsupportedByVersionException {
    return MessageCodec.encode(request, ProtocolVersion.V1_0);
  }

  /** Decodes the request from 1.0 bytes. */
  @Benchmark
  public TransferMessage decode10() throws MalformedMessageException {
    return MessageCodec.decode(encoded10, ProtocolVersion.V1_0);
  }
}
