package io.dt4j.daemon.admin;

import io.dt4j.core.Dt4jVersion;
import io.dt4j.daemon.BlockImport;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.FileExport;
import io.dt4j.daemon.InvalidInputException;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.protocols.Identify;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The node endpoints of the admin API: identity, version, peers, connect, import, export, plugins.
 */
final class NodeEndpoints {
  private final Dt4jNode node;
  private final Duration timeout;

  NodeEndpoints(Dt4jNode node, Duration timeout) {
    this.node = node;
    this.timeout = timeout;
  }

  /** {@code ID}. */
  NodeMessages.Identity identity() {
    return new NodeMessages.Identity(
        node.peerId().toString(),
        node.addresses().stream().map(Multiaddr::toString).toList(),
        Identify.defaultAgentVersion(),
        node.transport().map(t -> t.name()).orElse(null),
        node.config().home().toString());
  }

  /** {@code Version}. */
  static NodeMessages.Version version() {
    Dt4jVersion version = Dt4jVersion.current();
    return new NodeMessages.Version(
        version.full(), version.release(), System.getProperty("java.version"));
  }

  /** {@code NetPeers}. */
  NodeMessages.PeerList peers() {
    return new NodeMessages.PeerList(node.peers());
  }

  /** {@code NetConnect}. */
  NodeMessages.Connected connect(NodeMessages.Connect request) {
    String text = request.address();
    if (text == null) {
      throw new InvalidInputException("address is required");
    }
    Multiaddr address = ChannelEndpoints.parse(text, Multiaddr::parse, "multiaddr");
    if (address.peerId().isEmpty()) {
      throw new InvalidInputException("address " + address + " lacks /p2p/<peer id>");
    }
    return new NodeMessages.Connected(
        Awaits.await(node.connect(address), timeout, "connect to " + address).toString(),
        address.toString());
  }

  /** {@code ClientImport}: a file on the daemon's machine into its block store. */
  BlockMessages.ImportReport importFile(BlockMessages.Import request) throws IOException {
    Path file = localFile(request.path());
    ImportOptions options;
    try {
      options =
          new ImportOptions(
              request.chunkSize(), request.rawLeaves(), request.cidVersion(), request.maxLinks());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("import options: " + e.getMessage());
    }
    long start = System.nanoTime();
    BlockImport.Result result;
    try (InputStream in = Files.newInputStream(file)) {
      result = BlockImport.into(in, options, node.blockstore());
    }
    return new BlockMessages.ImportReport(
        result.dag().root().toString(),
        file.getFileName().toString(),
        result.dag().fileSize(),
        result.blocks(),
        result.blockBytes(),
        null,
        node.config().home().blocksDir().toString(),
        request.profile(),
        options.cidVersion(),
        options.chunkSize(),
        options.rawLeaves(),
        options.maxLinks(),
        (System.nanoTime() - start) / 1e9);
  }

  /** {@code ClientExport}: a file from the block store to a path on the daemon's machine. */
  BlockMessages.ExportReport exportFile(BlockMessages.Export request) throws IOException {
    if (request.root() == null || request.path() == null) {
      throw new InvalidInputException("root and path are required");
    }
    Cid root = ChannelEndpoints.parse(request.root(), Cid::parse, "root CID");
    Path target = absolute(request.path());
    long start = System.nanoTime();
    long bytes =
        FileExport.write(root, BlockLoader.of(node.blockstore()), target, UnaryOperator.identity());
    return new BlockMessages.ExportReport(
        root.toString(), target.toString(), bytes, "blocks", (System.nanoTime() - start) / 1e9);
  }

  /** {@code Plugins}. */
  PluginsReport plugins() {
    return PluginsReport.of(node.config().pluginsDir(), node.plugins());
  }

  private static Path localFile(String path) {
    Path file = absolute(path);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidInputException("the daemon cannot read the file " + file);
    }
    return file;
  }

  private static Path absolute(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidInputException("path is required");
    }
    Path file = ChannelEndpoints.parse(path, Path::of, "path");
    if (!file.isAbsolute()) {
      throw new InvalidInputException("path must be absolute: " + path);
    }
    return file.normalize();
  }
}
