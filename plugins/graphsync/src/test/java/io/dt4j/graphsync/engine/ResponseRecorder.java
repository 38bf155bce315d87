package io.dt4j.graphsync.engine;

import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.ResponseStatusCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Follows a request in a scenario: records every response entry it receives. */
final class ResponseRecorder implements RequestListener {
  final List<GraphsyncResponse> responses = new CopyOnWriteArrayList<>();

  @Override
  public void responseReceived(GraphsyncResponse response) {
    responses.add(response);
  }

  boolean saw(ResponseStatusCode status) {
    return responses.stream().anyMatch(response -> response.status() == status);
  }

  boolean sawExtension(String name) {
    return responses.stream().anyMatch(response -> response.extensions().has(name));
  }
}
