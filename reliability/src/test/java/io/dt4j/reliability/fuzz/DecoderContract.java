package io.dt4j.reliability.fuzz;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every decoder that reads network bytes promises for any input (issue #14, item 3):
 *
 * <ul>
 *   <li>it returns a value or throws one of its own documented error types, nothing else;
 *   <li>it allocates in proportion to the bytes it was given: a length or count field never makes
 *       it allocate before those bytes have arrived ({@link #allocationLimit});
 *   <li>it finishes in bounded time: libFuzzer's {@code -timeout} (set in this module's pom) makes
 *       a slower input a finding.
 * </ul>
 *
 * A broken promise throws {@link AssertionError}, which Jazzer reports as a finding and saves as a
 * regression input under {@code src/test/resources/.../<Test>Inputs/<method>}. A contract also
 * counts the inputs it checked and the time between the first and the last, for {@link
 * FuzzedInputs}.
 */
final class DecoderContract {
  /** Allocation allowed per input byte: parsed values are a small multiple of their bytes. */
  static final long BYTES_PER_INPUT_BYTE = 64;

  /** Allocation allowed for any input: exception texts, stack traces, lazily loaded classes. */
  static final long BASE_ALLOCATION = 1L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A decoder under test: reads the whole input. */
  @FunctionalInterface
  interface Decoder {
    /**
     * Decodes the input and reads what it returned.
     *
     * @param input the bytes from the network
     * @throws Exception what the decoder throws
     */
    void decode(byte[] input) throws Exception;
  }

  /**
   * Allocation allowed per input byte for a Netty pipeline fed in reads as small as one byte: each
   * read costs buffer wrappers and cumulation components, in proportion to the bytes still.
   */
  static final long NETTY_BYTES_PER_INPUT_BYTE = 4096;

  private final List<Class<? extends Throwable>> allowed;
  private final long bytesPerInputByte;
  private final AtomicLong inputs = new AtomicLong();
  private volatile long firstNanos;
  private volatile long lastNanos;

  private DecoderContract(List<Class<? extends Throwable>> allowed, long bytesPerInputByte) {
    this.allowed = allowed;
    this.bytesPerInputByte = bytesPerInputByte;
  }

  /**
   * The contract of a decoder whose documented errors are the given types.
   *
   * @param allowed the error types the decoder may throw
   * @return the contract
   */
  @SafeVarargs
  static DecoderContract failingOnlyWith(Class<? extends Throwable>... allowed) {
    return new DecoderContract(List.of(allowed), BYTES_PER_INPUT_BYTE);
  }

  /**
   * The same contract for a decoder run in a Netty pipeline ({@link EmbeddedDecoder}).
   *
   * @return the contract with {@link #NETTY_BYTES_PER_INPUT_BYTE}
   */
  DecoderContract inNettyPipeline() {
    return new DecoderContract(allowed, NETTY_BYTES_PER_INPUT_BYTE);
  }

  /**
   * The most a decoder may allocate for an input of this size.
   *
   * @param inputLength bytes of input
   * @return bytes of heap
   */
  long allocationLimit(long inputLength) {
    return BASE_ALLOCATION + bytesPerInputByte * inputLength;
  }

  /**
   * Runs each decoder on the input and checks the contract for each; counts one input.
   *
   * @param input the bytes
   * @param decoders the decoders that read this input, each on its own
   * @throws AssertionError if a decoder broke the contract
   */
  void check(byte[] input, Decoder... decoders) {
    long now = System.nanoTime();
    if (inputs.getAndIncrement() == 0) {
      firstNanos = now;
    }
    for (Decoder decoder : decoders) {
      checkOne(input, decoder);
    }
    lastNanos = System.nanoTime();
  }

  /**
   * Inputs checked so far.
   *
   * @return the count
   */
  long inputs() {
    return inputs.get();
  }

  /**
   * Time from the start of the first input checked to the end of the last.
   *
   * @return nanoseconds, 0 before any input
   */
  long checkingNanos() {
    return inputs() == 0 ? 0 : lastNanos - firstNanos;
  }

  private void checkOne(byte[] input, Decoder decoder) {
    long allocated = decodeOnce(input, decoder);
    if (allocated > allocationLimit(input.length)) {
      // the first run of a code path loads (and Jazzer instruments) classes; only a repeat counts
      allocated = decodeOnce(input, decoder);
    }
    if (allocated > allocationLimit(input.length)) {
      throw new AssertionError(
          "decoder allocated "
              + allocated
              + " bytes for an input of "
              + input.length
              + " (limit "
              + allocationLimit(input.length)
              + ")");
    }
  }

  /** Decodes, checks the error type, and returns the bytes this thread allocated meanwhile. */
  private long decodeOnce(byte[] input, Decoder decoder) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      decoder.decode(input);
    } catch (Exception e) {
      if (allowed.stream().noneMatch(type -> type.isInstance(e))) {
        throw new AssertionError("decoder threw " + e + ", not one of " + allowed, e);
      }
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }
}
