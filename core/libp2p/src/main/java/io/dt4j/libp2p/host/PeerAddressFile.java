package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link AddressBook}'s addresses in a small text file across restarts, so that a node
 * restarted on its home can dial the peers of its unfinished channels (a restarted puller knows
 * where its provider listens). One line per address: {@code <peer id> <multiaddr>}. Bounded: the
 * {@code maxPeers} peers most recently given a new address, each with its last {@code
 * maxAddressesPerPeer} addresses. The file is rewritten (to a temporary file, then renamed) on a
 * thread of its own whenever a new address is learned, so an I/O thread never waits for the disk.
 */
public final class PeerAddressFile implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PeerAddressFile.class);

  private final Path file;
  private final AddressBook book;
  private final int maxPeers;
  private final int maxAddressesPerPeer;
  private final ExecutorService writer;

  /** Peers in the order they were last given a new address (oldest first); writer thread only. */
  private final LinkedHashMap<PeerId, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);

  private PeerAddressFile(Path file, AddressBook book, int maxPeers, int maxAddressesPerPeer) {
    this.file = file;
    this.book = book;
    this.maxPeers = maxPeers;
    this.maxAddressesPerPeer = maxAddressesPerPeer;
    this.writer =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "dt4j-peer-addresses");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Loads the file (if it exists) into the book, then keeps it up to date with the book.
   *
   * @param file the file, e.g. {@code <home>/data/peers.txt}
   * @param book the book to fill and follow
   * @param maxPeers at most this many peers are kept
   * @param maxAddressesPerPeer at most this many addresses per peer are kept
   * @return the attached file; close it to stop following the book
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public static PeerAddressFile attach(
      Path file, AddressBook book, int maxPeers, int maxAddressesPerPeer) {
    if (maxPeers < 1 || maxAddressesPerPeer < 1) {
      throw new IllegalArgumentException("the bounds must be at least 1");
    }
    PeerAddressFile attached = new PeerAddressFile(file, book, maxPeers, maxAddressesPerPeer);
    attached.load();
    book.onNewAddress(attached::schedule);
    return attached;
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the peer addresses in " + file, e);
    }
    for (String line : lines) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length != 2) {
        continue;
      }
      try {
        PeerId peer = PeerId.parse(parts[0]);
        recent.put(peer, Boolean.TRUE);
        book.addAddress(peer, Multiaddr.parse(parts[1]));
      } catch (RuntimeException malformed) {
        log.warn("{}: line skipped ({}): {}", file, malformed.getMessage(), line);
      }
    }
  }

  private void schedule(PeerId peer) {
    try {
      writer.execute(() -> learned(peer));
    } catch (RejectedExecutionException closed) {
      log.debug("address of {} learned after close: not kept", peer);
    }
  }

  private void learned(PeerId peer) {
    recent.put(peer, Boolean.TRUE);
    while (recent.size() > maxPeers) {
      recent.remove(recent.keySet().iterator().next());
    }
    try {
      write(book.allAddresses());
    } catch (IOException e) {
      log.warn("cannot write the peer addresses to {}: {}", file, e.toString());
    }
  }

  private void write(Map<PeerId, List<Multiaddr>> known) throws IOException {
    List<String> lines = new ArrayList<>();
    for (PeerId peer : recent.keySet()) {
      List<Multiaddr> addresses = known.getOrDefault(peer, List.of());
      int from = Math.max(0, addresses.size() - maxAddressesPerPeer);
      for (Multiaddr address : addresses.subList(from, addresses.size())) {
        lines.add(peer + " " + address);
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temporary, lines, StandardCharsets.UTF_8);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Stops following the book, after writing what was learned so far. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
