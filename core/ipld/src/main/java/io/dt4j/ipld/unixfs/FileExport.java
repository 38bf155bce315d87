package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.dagpb.PbLink;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One depth-first walk of a file DAG writing the file bytes in order. An explicit stack (one frame
 * per level: the node's links and the next index) keeps memory to the tree depth and avoids deep
 * recursion on hostile DAGs. Each node's own Data comes before its children, as in go-unixfs.
 * Checks: every dag-pb node is File or Raw with one blocksize per link and {@code filesize} equal
 * to its data plus its blocksizes; every child produces exactly its blocksize.
 */
final class FileExport {
  private final NodeLoader loader;
  private final OutputStream out;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private long written;

  /** Walk state of one dag-pb node with children. */
  private static final class Frame {
    final Cid cid;
    final List<PbLink> links;
    final List<Long> blocksizes;
    final long start;
    int next;

    Frame(UnixFsNode node, long start) {
      this.cid = node.cid();
      this.links = node.pb().links();
      this.blocksizes = node.unixfs().blocksizes();
      this.start = start;
    }
  }

  FileExport(BlockLoader loader, OutputStream out) {
    this.loader = new NodeLoader(loader);
    this.out = out;
  }

  long run(Cid root) throws IOException {
    enter(root);
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (frame.next == frame.links.size()) {
        stack.pop();
        childDone(written - frame.start);
        continue;
      }
      long start = written;
      if (!enter(frame.links.get(frame.next++).hash())) {
        childDone(written - start);
      }
    }
    return written;
  }

  /** Writes the block's own bytes; returns true if it pushed a frame for its children. */
  private boolean enter(Cid cid) throws IOException {
    byte[] bytes = loader.load(cid);
    if (cid.codec() == Multicodec.RAW) {
      write(bytes);
      return false;
    }
    if (cid.codec() != Multicodec.DAG_PB) {
      throw new UnsupportedUnixFsException(
          cid, "UnixFS file blocks are dag-pb or raw, not " + Multicodec.name(cid.codec()));
    }
    UnixFsNode node = NodeLoader.decode(cid, bytes);
    UnixFsData data = node.unixfs();
    if (data.type() != UnixFsData.DataType.FILE && data.type() != UnixFsData.DataType.RAW) {
      throw new UnsupportedUnixFsException(cid, "not a file but a " + data.type());
    }
    checkSizes(node);
    long start = written;
    byte[] own = data.dataUnsafe();
    if (own != null) {
      write(own);
    }
    if (node.pb().links().isEmpty()) {
      return false;
    }
    stack.push(new Frame(node, start));
    return true;
  }

  private static void checkSizes(UnixFsNode node) throws MalformedUnixFsException {
    UnixFsData data = node.unixfs();
    int links = node.pb().links().size();
    if (data.blocksizes().size() != links) {
      throw new MalformedUnixFsException(
          node.cid(), links + " links but " + data.blocksizes().size() + " blocksizes", null);
    }
    byte[] own = data.dataUnsafe();
    long total = own == null ? 0 : own.length;
    for (long size : data.blocksizes()) {
      total += size;
      if (total < 0) {
        throw new MalformedUnixFsException(node.cid(), "blocksizes overflow", null);
      }
    }
    if (data.filesize().isPresent() && data.filesize().getAsLong() != total) {
      throw new MalformedUnixFsException(
          node.cid(),
          "filesize " + data.filesize().getAsLong() + " but data and blocksizes add up to " + total,
          null);
    }
  }

  /** Checks a finished child's byte count against its parent's blocksize. */
  private void childDone(long bytes) throws MalformedUnixFsException {
    Frame parent = stack.peek();
    if (parent == null) {
      return;
    }
    long expected = parent.blocksizes.get(parent.next - 1);
    if (bytes != expected) {
      throw new MalformedUnixFsException(
          parent.cid,
          "child "
              + (parent.next - 1)
              + " ("
              + parent.links.get(parent.next - 1).hash()
              + ") holds "
              + bytes
              + " file bytes, blocksizes says "
              + expected,
          null);
    }
  }

  private void write(byte[] bytes) throws IOException {
    out.write(bytes);
    written += bytes.length;
  }
}
