package io.dt4j.graphsync.responder;

import io.dt4j.ipld.Cid;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The blocks already sent to one peer by its in-progress responses (graphsync spec §4.2.3, §5.2):
 * one set shared by all requests without a dedup key, one per key otherwise. A set lives while some
 * response uses it; a later request gets every block again. Owned by the peer's executor.
 */
final class DedupSets {
  /** One shared set of sent CIDs. */
  static final class SentBlocks {
    private final Optional<String> key;
    private final Set<Cid> sent = new HashSet<>();
    private int users;

    private SentBlocks(Optional<String> key) {
      this.key = key;
    }

    boolean contains(Cid cid) {
      return sent.contains(cid);
    }

    void add(Cid cid) {
      sent.add(cid);
    }
  }

  private final Map<Optional<String>, SentBlocks> sets = new HashMap<>();

  SentBlocks acquire(Optional<String> key) {
    SentBlocks set = sets.computeIfAbsent(key, SentBlocks::new);
    set.users++;
    return set;
  }

  void release(SentBlocks set) {
    if (--set.users == 0) {
      sets.remove(set.key);
    }
  }
}
