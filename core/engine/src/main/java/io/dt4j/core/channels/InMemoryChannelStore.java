package io.dt4j.core.channels;

import io.dt4j.api.ChannelId;
import io.dt4j.ipld.Cid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A {@link ChannelStore} in memory, for tests and embedders that need no persistence. */
public final class InMemoryChannelStore implements ChannelStore {
  private final Map<ChannelId, ChannelRecord> records = new ConcurrentHashMap<>();
  private final Map<ChannelId, Map<CidSet, Set<Cid>>> sets = new ConcurrentHashMap<>();

  @Override
  public void save(ChannelRecord record) {
    records.put(record.channelId(), record);
  }

  @Override
  public synchronized void save(ChannelRecord record, CidSet set, Cid cid) {
    setOf(record.channelId(), set).add(cid);
    records.put(record.channelId(), record);
  }

  @Override
  public synchronized void save(ChannelRecord record, List<Member> added) {
    added.forEach(member -> setOf(record.channelId(), member.set()).add(member.cid()));
    records.put(record.channelId(), record);
  }

  @Override
  public Optional<ChannelRecord> get(ChannelId channelId) {
    return Optional.ofNullable(records.get(channelId));
  }

  @Override
  public List<ChannelRecord> all() {
    return new ArrayList<>(records.values());
  }

  @Override
  public synchronized boolean contains(ChannelId channelId, CidSet set, Cid cid) {
    return setOf(channelId, set).contains(cid);
  }

  @Override
  public synchronized long count(ChannelId channelId, CidSet set) {
    return setOf(channelId, set).size();
  }

  @Override
  public void forEach(ChannelId channelId, CidSet set, Consumer<Cid> action) {
    List<Cid> copy;
    synchronized (this) {
      copy = new ArrayList<>(setOf(channelId, set));
    }
    copy.forEach(action);
  }

  @Override
  public void deleteCidSets(ChannelId channelId) {
    sets.remove(channelId);
  }

  @Override
  public List<StoreProblem> problems() {
    return List.of();
  }

  @Override
  public void close() {}

  private Set<Cid> setOf(ChannelId channelId, CidSet set) {
    return sets.computeIfAbsent(channelId, id -> new ConcurrentHashMap<>())
        .computeIfAbsent(set, s -> new LinkedHashSet<>());
  }
}
