package io.dt4j.core.messages;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Where a message ends in a stream of CBOR items, for items no honest peer sends. */
class MessageFramerTest {
  @Test
  void aByteStringLengthOfTwoToTheSixtyThreeOrMoreIsOverTheLimit() throws Exception {
    // found by fuzzing: the 64-bit length read as a negative long once made an end offset past
    // the buffered bytes, and the framer failed with an ArrayIndexOutOfBoundsException
    MessageFramer framer = new MessageFramer(1024);
    framer.add(ByteBuffer.wrap(HexFormat.of().parseHex("5bf589830000007175")));

    assertThatThrownBy(framer::next)
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("over the limit of 1024");
  }
}
