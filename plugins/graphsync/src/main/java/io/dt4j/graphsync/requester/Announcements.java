package io.dt4j.graphsync.requester;

import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.ipld.Cid;
import java.util.HashMap;
import java.util.Map;

/**
 * What a responder's metadata said about links this request's traversal has not reached yet: how
 * often each was listed present and how often missing. An entry is used up when the traversal loads
 * the link, so the maps hold only what the responder is ahead by. Present entries hold an
 * expectation in the peer's {@link UnverifiedBlockCache}. Owned by the peer's executor.
 */
final class Announcements {
  private final Map<Cid, Integer> present = new HashMap<>();
  private final Map<Cid, Integer> missing = new HashMap<>();
  private final UnverifiedBlockCache cache;

  Announcements(UnverifiedBlockCache cache) {
    this.cache = cache;
  }

  void record(LinkMetadata entry) {
    if (entry.blockPresent()) {
      present.merge(entry.link(), 1, Integer::sum);
      cache.expect(entry.link());
    } else {
      missing.merge(entry.link(), 1, Integer::sum);
    }
  }

  /** Uses up a "missing" entry for the link, if there is one. */
  boolean takeMissing(Cid cid) {
    return take(missing, cid);
  }

  /** Uses up a "present" entry for the link, if there is one, and its cache expectation. */
  boolean takePresent(Cid cid) {
    if (take(present, cid)) {
      cache.release(cid);
      return true;
    }
    return false;
  }

  boolean isPresent(Cid cid) {
    return present.containsKey(cid);
  }

  int size() {
    return present.size() + missing.size();
  }

  /** Drops every entry and its cache expectations (the request ended). */
  void clear() {
    present.forEach(
        (cid, count) -> {
          for (int i = 0; i < count; i++) {
            cache.release(cid);
          }
        });
    present.clear();
    missing.clear();
  }

  private static boolean take(Map<Cid, Integer> counts, Cid cid) {
    Integer count = counts.get(cid);
    if (count == null) {
      return false;
    }
    if (count == 1) {
      counts.remove(cid);
    } else {
      counts.put(cid, count - 1);
    }
    return true;
  }
}
