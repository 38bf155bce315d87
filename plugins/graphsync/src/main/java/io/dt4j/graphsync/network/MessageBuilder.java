package io.dt4j.graphsync.network;

import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncRequest;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what goes into one message (graphsync spec §3.2, §5.1): one request entry and one
 * response entry per id, each block once. A response entry gathers its operations' metadata in
 * traversal order — always present, {@code 80} when empty — their extension data, and the last
 * pause or terminal status (14 otherwise). Not thread-safe.
 */
final class MessageBuilder {
  private final Map<Integer, GraphsyncRequest> requests = new LinkedHashMap<>();
  private final Map<Integer, Entry> responses = new LinkedHashMap<>();
  private final Map<Cid, Block> blocks = new LinkedHashMap<>();
  private final List<ResponseOperation> operations = new ArrayList<>();
  private int budgetBytes;
  private long wireBlockBytes;

  /** One response entry being assembled. */
  private static final class Entry {
    final List<LinkMetadata> metadata = new ArrayList<>();
    Extensions extensions = Extensions.none();
    ResponseStatusCode status = ResponseStatusCode.PARTIAL_RESPONSE;
  }

  /** Tells whether a request entry for the id is already here (a second would replace it). */
  boolean hasRequest(int id) {
    return requests.containsKey(id);
  }

  void addRequest(GraphsyncRequest request) {
    requests.put(request.id(), request);
  }

  void addOperation(ResponseOperation operation) {
    Entry entry = responses.computeIfAbsent(operation.request().id(), id -> new Entry());
    operation.link().ifPresent(entry.metadata::add);
    entry.extensions = entry.extensions.withAll(operation.extensions());
    operation.status().ifPresent(status -> entry.status = status);
    operation.block().ifPresent(block -> blocks.putIfAbsent(block.cid(), block));
    operations.add(operation);
    budgetBytes += operation.budgetBytes();
    wireBlockBytes += operation.wireBlockBytes();
  }

  boolean isEmpty() {
    return requests.isEmpty() && responses.isEmpty();
  }

  /** Returns the block and extension bytes added so far (the 512 KiB budget's measure). */
  int budgetBytes() {
    return budgetBytes;
  }

  /** Returns the block bytes of the operations (what counts against the peer's queue limit). */
  long wireBlockBytes() {
    return wireBlockBytes;
  }

  GraphsyncMessage build() {
    List<GraphsyncResponse> entries = new ArrayList<>(responses.size());
    responses.forEach(
        (id, entry) ->
            entries.add(
                new GraphsyncResponse(
                    id,
                    entry.status,
                    Extensions.of(
                            ExtensionNames.RESPONSE_METADATA,
                            ResponseMetadata.encode(entry.metadata))
                        .withAll(entry.extensions))));
    return new GraphsyncMessage(
        new ArrayList<>(requests.values()), entries, new ArrayList<>(blocks.values()));
  }

  /** Returns a builder with this one's request entries only (its responses were dropped). */
  MessageBuilder requestsOnly() {
    MessageBuilder kept = new MessageBuilder();
    requests.values().forEach(kept::addRequest);
    return kept;
  }

  /** Tells whether an operation of one of these responses is here. */
  boolean hasResponseOf(Set<Integer> responseIds) {
    return operations.stream().anyMatch(op -> responseIds.contains(op.request().id()));
  }

  /** Returns a builder without the operations of these responses (they were dropped). */
  MessageBuilder without(Set<Integer> responseIds) {
    MessageBuilder kept = requestsOnly();
    operations.stream()
        .filter(op -> !responseIds.contains(op.request().id()))
        .forEach(kept::addOperation);
    return kept;
  }

  SentMessage sent() {
    return new SentMessage(new ArrayList<>(requests.values()), operations);
  }
}
