package io.dt4j.api.host;

/** Takes the incoming streams of one protocol. */
@FunctionalInterface
public interface StreamHandler {

  /**
   * Called for each incoming stream that negotiated the handler's protocol. Must not block: set a
   * {@link StreamListener} and return.
   *
   * @param stream the new stream
   */
  void handle(Stream stream);
}
