package io.dt4j.demo;

import io.dt4j.daemon.BlockImport;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.FileExport;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.unixfs.ImportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One demo run: starts two nodes ({@link DemoNodes}), writes a pseudo-random source file of the
 * asked size, imports it on node A as UnixFS (kubo's defaults, as {@code dt4j import}), moves the
 * DAG to node B ({@link DemoTransfer}), exports the file on B and compares its SHA-256 with the
 * source's. Everything is streamed: memory does not grow with the size.
 */
public final class Demo {
  private static final ImportOptions IMPORT = ImportOptions.KUBO;

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param options what to do
   * @param listener told of each step, on this thread
   * @return what the verified run did
   * @throws io.dt4j.daemon.NoTransportException if the plugins contribute no transport
   * @throws DemoFailedException if the transfer did not complete or the bytes differ
   * @throws WorkDirNotEmptyException if the folder to keep holds files
   * @throws IOException if a file cannot be written or read
   * @throws InterruptedException if interrupted while waiting for the transfer
   */
  public static DemoReport run(DemoOptions options, DemoListener listener)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    try (WorkDir work = WorkDir.of(options.keep());
        DemoNodes nodes = DemoNodes.start(work.path(), options.pluginsDir())) {
      Path source = work.path().resolve("source.bin");
      byte[] sourceHash = generate(source, options, listener);
      BlockImport.Result imported = importOn(nodes.a(), source, options.size(), listener);
      Cid root = imported.dag().root();
      listener.started(DemoStep.TRANSFER, imported.blockBytes());
      DemoTransfer.Result transfer =
          DemoTransfer.run(
              nodes, root, imported.blockBytes(), options.push(), listener::transferred);
      listener.finished(DemoStep.TRANSFER);
      Path received = work.path().resolve("received.bin");
      verify(nodes.b(), root, received, sourceHash, options.size(), listener);
      double seconds = transfer.seconds();
      return new DemoReport(
          options.push() ? "push" : "pull",
          nodes.a().config().transport(),
          root.toString(),
          options.size(),
          imported.blocks(),
          imported.blockBytes(),
          HexFormat.of().formatHex(sourceHash),
          true,
          transfer.id().toString(),
          transfer.vouchers(),
          seconds,
          seconds > 0 ? options.size() / seconds / 1e6 : 0,
          (System.nanoTime() - start) / 1e9,
          DemoReport.Side.of("A", transfer.ends().sender()),
          DemoReport.Side.of("B", transfer.ends().receiver()),
          work.kept().map(Path::toString).orElse(null));
    }
  }

  /** Writes the source file and returns its SHA-256. */
  private static byte[] generate(Path source, DemoOptions options, DemoListener listener)
      throws IOException {
    listener.started(DemoStep.GENERATE, options.size());
    MessageDigest digest = sha256();
    try (InputStream in =
        listener.track(
            new DigestInputStream(new PseudoRandomBytes(options.size(), options.seed()), digest))) {
      Files.copy(in, source);
    }
    listener.finished(DemoStep.GENERATE);
    return digest.digest();
  }

  private static BlockImport.Result importOn(
      Dt4jNode node, Path source, long size, DemoListener listener) throws IOException {
    listener.started(DemoStep.IMPORT, size);
    BlockImport.Result imported;
    try (InputStream in = listener.track(Files.newInputStream(source))) {
      imported = BlockImport.into(in, IMPORT, node.blockstore());
    }
    listener.finished(DemoStep.IMPORT);
    return imported;
  }

  /** Exports the file on the node, hashing what is written, and compares it with the source. */
  private static void verify(
      Dt4jNode node, Cid root, Path target, byte[] sourceHash, long size, DemoListener listener)
      throws IOException {
    listener.started(DemoStep.VERIFY, size);
    MessageDigest digest = sha256();
    FileExport.write(
        root,
        BlockLoader.of(node.blockstore()),
        target,
        out -> listener.track(new DigestOutputStream(out, digest)));
    byte[] receivedHash = digest.digest();
    if (!MessageDigest.isEqual(receivedHash, sourceHash)) {
      throw new DemoFailedException(
          DemoFailedException.Reason.MISMATCH,
          "the file exported on node B differs from the source: sha256 "
              + HexFormat.of().formatHex(receivedHash)
              + ", expected "
              + HexFormat.of().formatHex(sourceHash));
    }
    listener.finished(DemoStep.VERIFY);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
