package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbLink;
import io.dt4j.ipld.dagpb.PbNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Encodes the blocks of a UnixFS file DAG the way ipfs-unixfs-importer (and go-unixfs) do, hands
 * each to the sink and counts them.
 *
 * <ul>
 *   <li>raw leaf: the chunk as a raw (0x55) block, always CIDv1; blocksize = Tsize = chunk length
 *   <li>UnixFS leaf: dag-pb {@code {Data: {Type: File, Data: chunk (absent if empty), filesize}}}
 *       with no links; blocksize = chunk length, Tsize = block length
 *   <li>parent: dag-pb, links {@code {Hash, Name: "", Tsize}} in order, Data {@code {Type: File,
 *       filesize: sum, blocksizes}}; Tsize = block length + the children's Tsizes
 * </ul>
 */
final class FileDagWriter {
  private final ImportOptions options;
  private final Consumer<Block> sink;
  private long blockCount;
  private long bytesWritten;

  FileDagWriter(ImportOptions options, Consumer<Block> sink) {
    this.options = options;
    this.sink = sink;
  }

  FileLink leaf(byte[] chunk) {
    if (options.rawLeaves()) {
      Block block = Block.of(Multicodec.RAW, chunk);
      emit(block, chunk.length);
      return new FileLink(block.cid(), chunk.length, chunk.length);
    }
    PbNode node = PbNode.of(List.of(), UnixFsData.fileLeaf(chunk).encode());
    byte[] bytes = DagPb.encode(node);
    Block block = Block.adoptVerified(DagPb.cid(bytes, options.cidVersion()), bytes);
    emit(block, bytes.length);
    return new FileLink(block.cid(), chunk.length, bytes.length);
  }

  FileLink parent(List<FileLink> children) {
    List<PbLink> links = new ArrayList<>(children.size());
    List<Long> blocksizes = new ArrayList<>(children.size());
    long fileBytes = 0;
    long tsize = 0;
    for (FileLink child : children) {
      links.add(PbLink.of(child.cid(), "", child.tsize()));
      blocksizes.add(child.fileBytes());
      fileBytes += child.fileBytes();
      tsize += child.tsize();
    }
    PbNode node = PbNode.of(links, UnixFsData.fileParent(blocksizes).encode());
    byte[] bytes = DagPb.encode(node);
    Block block = Block.adoptVerified(DagPb.cid(bytes, options.cidVersion()), bytes);
    emit(block, bytes.length);
    return new FileLink(block.cid(), fileBytes, tsize + bytes.length);
  }

  private void emit(Block block, long length) {
    sink.accept(block);
    blockCount++;
    bytesWritten += length;
  }

  long blockCount() {
    return blockCount;
  }

  long bytesWritten() {
    return bytesWritten;
  }
}
