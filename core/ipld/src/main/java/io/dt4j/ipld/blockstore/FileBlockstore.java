package io.dt4j.ipld.blockstore;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link Blockstore} on disk: one file per block under {@code <dir>/blocks/<shard>/}, named as
 * {@link BlockFileNames} describes. Blocks are keyed by multihash: {@code has}, {@code get}, {@code
 * size} and {@code delete} of a CID find the block stored under any CID with the same multihash (a
 * CIDv0 and its CIDv1, or another codec), and a second such CID is not written again, so the bytes
 * are stored once and {@link #cids()} lists each multihash under the CID it was first put with. The
 * exact CID is kept in the file name, so {@code cids()} round-trips.
 *
 * <p>Writes are crash-safe: a block goes whole to a temporary file under {@code <dir>/tmp} (same
 * file system) and is atomically renamed into place, so a killed process never leaves a torn block
 * under a CID. With {@code fsync} (see {@link #open(Path, boolean, boolean)}) the file is also
 * forced to the disk before its rename and the shard directory after it, so a block survives a lost
 * machine too; that costs two disk flushes per block (here about 12 ms per 256 KiB block against
 * under 1 ms without), which is why a node that does not need power-loss durability turns it off,
 * as its channel store does. Leftover temporary files are deleted by {@link #open}. {@link #put}
 * verifies the block's hash first and refuses a mismatch. Thread-safe; one process per directory (a
 * lock file enforces it).
 *
 * <p>A lookup by exact CID is one file system call; a lookup of an absent CID also lists its shard
 * directory to find the same multihash under another CID.
 */
public final class FileBlockstore implements Blockstore, AutoCloseable {
  private final Path blocksDir;
  private final Path tempDir;
  private final boolean verifyOnRead;
  private final boolean fsync;
  private final DirectIo directIo; // null: buffered I/O
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final AtomicLong tempNames =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

  private FileBlockstore(
      Path dir,
      boolean verifyOnRead,
      boolean fsync,
      DirectIo directIo,
      FileChannel lockChannel,
      FileLock lock) {
    this.blocksDir = dir.resolve("blocks");
    this.tempDir = dir.resolve("tmp");
    this.verifyOnRead = verifyOnRead;
    this.fsync = fsync;
    this.directIo = directIo;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) a store under a directory and deletes leftover temporary files.
   *
   * @param dir the store's directory
   * @param verifyOnRead whether {@link #get} re-hashes each block and throws {@link
   *     CorruptBlockException} on a mismatch
   * @return the store, which forces every block to the disk; close it to release the directory
   * @throws IOException if the directory cannot be prepared or another store holds it
   */
  public static FileBlockstore open(Path dir, boolean verifyOnRead) throws IOException {
    return open(dir, verifyOnRead, true);
  }

  /**
   * Opens (creating if needed) a store under a directory and deletes leftover temporary files.
   *
   * @param dir the store's directory
   * @param verifyOnRead whether {@link #get} re-hashes each block and throws {@link
   *     CorruptBlockException} on a mismatch
   * @param fsync whether each block (and its directory entry) is forced to the disk before {@link
   *     #put} returns: true survives a lost machine; false survives a killed process only, and is
   *     many times faster
   * @return the store; close it to release the directory
   * @throws IOException if the directory cannot be prepared or another store holds it
   */
  public static FileBlockstore open(Path dir, boolean verifyOnRead, boolean fsync)
      throws IOException {
    return open(dir, verifyOnRead, fsync, false);
  }

  /**
   * Opens (creating if needed) a store under a directory and deletes leftover temporary files.
   *
   * @param dir the store's directory
   * @param verifyOnRead whether {@link #get} re-hashes each block and throws {@link
   *     CorruptBlockException} on a mismatch
   * @param fsync whether each block (and its directory entry) is forced to the disk before {@link
   *     #put} returns: true survives a lost machine; false survives a killed process only, and is
   *     many times faster
   * @param directIo whether block files of 1 to 4 MiB are written and read around the page cache
   *     ({@code O_DIRECT}), which saves a copy and, on VMs, most of the cost of storing a block;
   *     smaller blocks stay buffered (see {@link DirectIo}); where the file system refuses direct
   *     I/O (some overlays, older tmpfs) the store quietly uses buffered I/O, which {@link
   *     #directIo()} tells
   * @return the store; close it to release the directory
   * @throws IOException if the directory cannot be prepared or another store holds it
   */
  public static FileBlockstore open(Path dir, boolean verifyOnRead, boolean fsync, boolean directIo)
      throws IOException {
    return open(dir, verifyOnRead, fsync, directIo ? DirectIo::probe : tempDir -> null);
  }

  /** Opens with a direct I/O probe of the temporary folder (tests stand in a refusing one). */
  static FileBlockstore open(
      Path dir, boolean verifyOnRead, boolean fsync, Function<Path, DirectIo> directIoProbe)
      throws IOException {
    Files.createDirectories(dir.resolve("blocks"));
    Files.createDirectories(dir.resolve("tmp"));
    FileChannel channel =
        FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("block store " + dir + " is already open (LOCK is held)");
    }
    FileBlockstore store;
    try {
      DirectIo io = directIoProbe.apply(dir.resolve("tmp"));
      store = new FileBlockstore(dir, verifyOnRead, fsync, io, channel, lock);
      store.deleteLeftoverTempFiles();
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
    return store;
  }

  /**
   * Tells whether block files bypass the page cache: asked for at {@link #open(Path, boolean,
   * boolean, boolean)} and supported by the file system.
   *
   * @return true for direct I/O, false for buffered
   */
  public boolean directIo() {
    return directIo != null;
  }

  private void deleteLeftoverTempFiles() throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tempDir)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  @Override
  public boolean has(Cid cid) {
    return find(cid).isPresent();
  }

  @Override
  public Optional<byte[]> get(Cid cid) {
    Optional<Path> file = find(cid);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    byte[] data;
    try {
      data = readFile(file.get());
    } catch (NoSuchFileException e) {
      return Optional.empty(); // deleted concurrently
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read block " + cid + " from " + file.get(), e);
    }
    if (verifyOnRead) {
      try {
        Block.adopt(cid, data).verify();
      } catch (MalformedIpldException e) {
        throw new CorruptBlockException(cid, file.get());
      }
    }
    return Optional.of(data);
  }

  /**
   * Verifies the block's hash, then stores it unless a block with the same multihash is stored.
   *
   * @param block the block
   * @throws MalformedIpldException if the bytes do not hash to the CID; nothing is stored
   * @throws UnsupportedOperationException if the CID's hash function cannot be computed here
   * @throws IllegalArgumentException if the multihash is too long for a file name
   * @throws UncheckedIOException if writing fails; no partial block becomes visible
   */
  @Override
  public void put(Block block) {
    Cid cid = block.cid();
    String key = BlockFileNames.multihashKey(cid);
    if (key.length() > BlockFileNames.MAX_MULTIHASH_KEY_LENGTH) {
      throw new IllegalArgumentException("multihash of " + cid + " is too long to store");
    }
    block.verify();
    if (has(cid)) {
      return;
    }
    try {
      Path shard = shardDir(key);
      if (!Files.isDirectory(shard)) {
        Files.createDirectories(shard);
        syncIfDurable(blocksDir);
      }
      writeAtomically(shard.resolve(BlockFileNames.fileName(cid)), block.dataUnsafe());
      syncIfDurable(shard);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store block " + cid + " under " + blocksDir, e);
    }
  }

  private byte[] readFile(Path file) throws IOException {
    if (directIo != null && DirectIo.suits(Files.size(file))) {
      return directIo.read(file);
    }
    return Files.readAllBytes(file);
  }

  private void writeAtomically(Path target, byte[] data) throws IOException {
    // a counter, not Files.createTempFile: that draws from SecureRandom for every block
    Path temp = tempDir.resolve("put-" + Long.toHexString(tempNames.incrementAndGet()) + ".tmp");
    try {
      if (directIo != null && DirectIo.suits(data.length)) {
        directIo.write(temp, data, fsync);
      } else {
        writeBuffered(temp, data);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void writeBuffered(Path temp, byte[] data) throws IOException {
    try (FileChannel out =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      if (fsync) {
        // the data and the size, which a later read needs; not the timestamps (fdatasync): the
        // block is whole on disk before its name appears, and the name is synced by the caller
        out.force(false);
      }
    }
  }

  private void syncIfDurable(Path dir) throws IOException {
    if (fsync) {
      syncDirectory(dir);
    }
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public boolean delete(Cid cid) {
    boolean deleted = false;
    try {
      for (Path file : findAll(cid)) {
        deleted |= Files.deleteIfExists(file);
      }
      if (deleted) {
        syncIfDurable(shardDir(BlockFileNames.multihashKey(cid)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete block " + cid + " under " + blocksDir, e);
    }
    return deleted;
  }

  @Override
  public OptionalLong size(Cid cid) {
    Optional<Path> file = find(cid);
    if (file.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Files.size(file.get()));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat block " + cid + " at " + file.get(), e);
    }
  }

  /** Lists shard by shard; close the stream to release the directory handles. */
  @Override
  public Stream<Cid> cids() {
    try {
      return Files.list(blocksDir)
          .filter(Files::isDirectory)
          .flatMap(FileBlockstore::listShard)
          .map(file -> BlockFileNames.parse(file.getFileName().toString()))
          .flatMap(Optional::stream);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list blocks under " + blocksDir, e);
    }
  }

  private static Stream<Path> listShard(Path shard) {
    try {
      return Files.list(shard);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list blocks under " + shard, e);
    }
  }

  private Path shardDir(String multihashKey) {
    return blocksDir.resolve(BlockFileNames.shard(multihashKey));
  }

  /** The file holding the CID's multihash: the exact name first, else any CID kind. */
  private Optional<Path> find(Cid cid) {
    String key = BlockFileNames.multihashKey(cid);
    if (key.length() > BlockFileNames.MAX_MULTIHASH_KEY_LENGTH) {
      return Optional.empty();
    }
    Path exact = shardDir(key).resolve(BlockFileNames.fileName(cid));
    if (Files.exists(exact)) {
      return Optional.of(exact);
    }
    try {
      return findAll(cid).stream().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up block " + cid + " under " + blocksDir, e);
    }
  }

  /** Every file holding the CID's multihash, under any CID kind. */
  private List<Path> findAll(Cid cid) throws IOException {
    String key = BlockFileNames.multihashKey(cid);
    Path shard = shardDir(key);
    List<Path> files = new ArrayList<>(1);
    if (key.length() > BlockFileNames.MAX_MULTIHASH_KEY_LENGTH || !Files.isDirectory(shard)) {
      return files;
    }
    try (DirectoryStream<Path> matches = Files.newDirectoryStream(shard, key + ".*")) {
      matches.forEach(files::add);
    }
    return files;
  }

  /** Releases the directory lock; the store must not be used afterwards. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }
}
