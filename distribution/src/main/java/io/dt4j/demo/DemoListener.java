package io.dt4j.demo;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Follows a demo run, e.g. to draw progress. Every call comes from the thread that runs the demo,
 * in step order: {@link #started}, then counted bytes or {@link #transferred}, then {@link
 * #finished}.
 */
public interface DemoListener {

  /** A listener that shows nothing. */
  DemoListener SILENT =
      new DemoListener() {
        @Override
        public void started(DemoStep step, long totalBytes) {}

        @Override
        public void transferred(long bytes) {}

        @Override
        public void finished(DemoStep step) {}
      };

  /**
   * A step begins.
   *
   * @param step the step
   * @param totalBytes the bytes it will move
   */
  void started(DemoStep step, long totalBytes);

  /**
   * Bytes of the current step so far, for the transfer, whose bytes are counted by the receiving
   * node's channel.
   *
   * @param bytes bytes so far on the receiving channel
   */
  void transferred(long bytes);

  /**
   * Wraps a stream the current step reads, to count its bytes.
   *
   * @param in the stream
   * @return the stream to read instead; by default {@code in}
   */
  default InputStream track(InputStream in) {
    return in;
  }

  /**
   * Wraps a stream the current step writes, to count its bytes.
   *
   * @param out the stream
   * @return the stream to write instead; by default {@code out}
   */
  default OutputStream track(OutputStream out) {
    return out;
  }

  /**
   * The step ended well.
   *
   * @param step the step
   */
  void finished(DemoStep step);
}
