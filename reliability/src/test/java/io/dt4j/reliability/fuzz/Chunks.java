package io.dt4j.reliability.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a fuzz input into the reads a stream decoder sees: the first byte chooses the read size (1
 * to 64 bytes), the rest is the stream. So the fuzzer explores frames that span reads too.
 */
final class Chunks {
  private static final int MAX_READ = 64;

  private Chunks() {}

  /**
   * Returns the reads of the stream in the input.
   *
   * @param input the fuzz input: read size byte, then the stream
   * @return the reads, in order
   */
  static List<byte[]> of(byte[] input) {
    List<byte[]> reads = new ArrayList<>();
    if (input.length < 2) {
      return reads;
    }
    int size = 1 + (input[0] & 0xff) % MAX_READ;
    for (int at = 1; at < input.length; at += size) {
      reads.add(Arrays.copyOfRange(input, at, Math.min(input.length, at + size)));
    }
    return reads;
  }

  /**
   * Returns the reads as buffers.
   *
   * @param input the fuzz input: read size byte, then the stream
   * @return one buffer per read
   */
  static List<ByteBuffer> buffers(byte[] input) {
    return of(input).stream().map(ByteBuffer::wrap).toList();
  }

  /**
   * Makes a fuzz input that reads the stream in reads of the given size.
   *
   * @param readSize 1 to 64
   * @param stream the stream bytes
   * @return the fuzz input
   */
  static byte[] input(int readSize, byte[] stream) {
    byte[] input = new byte[stream.length + 1];
    input[0] = (byte) (readSize - 1);
    System.arraycopy(stream, 0, input, 1, stream.length);
    return input;
  }
}
