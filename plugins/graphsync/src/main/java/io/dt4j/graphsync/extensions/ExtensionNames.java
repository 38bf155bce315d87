package io.dt4j.graphsync.extensions;

/** The exact names of graphsync's standard extensions (graphsync spec §4.2). */
public final class ExtensionNames {
  /** Responder to requester, in every response: the links traversed and whether each was sent. */
  public static final String RESPONSE_METADATA = "graphsync/response-metadata";

  /** Requester to responder: CIDs the requester has, whose bytes the responder must not send. */
  public static final String DO_NOT_SEND_CIDS = "graphsync/do-not-send-cids";

  /** Requester to responder: a key that gives the request its own de-duplication set. */
  public static final String DEDUP_BY_KEY = "graphsync/dedup-by-key";

  /** Requester to responder (go-graphsync v0.10+): skip sending the first N link loads. */
  public static final String DO_NOT_SEND_FIRST_BLOCKS = "graphsync/do-not-send-first-blocks";

  private ExtensionNames() {}
}
