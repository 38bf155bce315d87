package io.dt4j.reliability.fuzz;

import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Netty decoder stages as they run on a connection: the stream arrives in reads ({@link
 * Chunks}), each message that comes out is handed on and released. Buffers are unpooled heap
 * buffers, so that what the stages allocate is what {@link DecoderContract} measures.
 */
final class EmbeddedDecoder {
  private EmbeddedDecoder() {}

  /** What happens to each decoded message before it is released. */
  @FunctionalInterface
  interface MessageReader {
    /**
     * Reads one message.
     *
     * @param message what the last stage emitted
     * @throws Exception what reading it throws
     */
    void read(Object message) throws Exception;
  }

  /**
   * Feeds the stream through the stages, then closes the channel (decoders see the end).
   *
   * @param input the fuzz input (see {@link Chunks})
   * @param reader reads each message the stages emit
   * @param stages the handlers, first to last
   * @throws Exception what a stage or the reader throws
   */
  static void run(byte[] input, MessageReader reader, ChannelHandler... stages) throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setAllocator(new UnpooledByteBufAllocator(false));
    channel.pipeline().addLast(stages);
    try {
      for (byte[] read : Chunks.of(input)) {
        channel.writeInbound(Unpooled.wrappedBuffer(read));
        drain(channel, reader);
      }
      channel.finish();
      drain(channel, reader);
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  private static void drain(EmbeddedChannel channel, MessageReader reader) throws Exception {
    List<Object> messages = new ArrayList<>();
    for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
      messages.add(message);
    }
    try {
      for (Object message : messages) {
        reader.read(message);
      }
    } finally {
      messages.forEach(ReferenceCountUtil::release);
    }
  }
}
