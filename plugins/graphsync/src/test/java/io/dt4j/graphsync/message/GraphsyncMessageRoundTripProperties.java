package io.dt4j.graphsync.message;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every message the model can hold survives encode then decode unchanged. */
class GraphsyncMessageRoundTripProperties {

  @Property(tries = 5_000)
  void decodeInvertsEncode(@ForAll("messages") GraphsyncMessage message) throws Exception {
    byte[] encoded = GraphsyncMessageCodec.encode(message);
    assertThat(GraphsyncMessageCodec.decode(encoded)).isEqualTo(message);
  }

  @Property(tries = 2_000)
  void encodingIsDeterministic(@ForAll("messages") GraphsyncMessage message) throws Exception {
    byte[] encoded = GraphsyncMessageCodec.encode(message);
    assertThat(GraphsyncMessageCodec.encode(GraphsyncMessageCodec.decode(encoded)))
        .isEqualTo(encoded);
  }

  @Provide
  Arbitrary<GraphsyncMessage> messages() {
    return Arbitraries.randomValue(Messages::random);
  }
}
