package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.libp2p.multiaddr.MalformedMultiaddrException;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.protocols.IdentifyMessage;
import io.dt4j.libp2p.protocols.ProtocolException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * identify streams (length-delimited messages, merged) and the multiaddrs in them; a message, a
 * {@link ProtocolException} or, for bare multiaddr bytes, a {@link MalformedMultiaddrException}.
 */
@ExtendWith(FuzzedInputs.class)
class IdentifyFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(ProtocolException.class, MalformedMultiaddrException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#identify")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, IdentifyMessage::decodeStream, Multiaddr::fromBytes);
  }
}
