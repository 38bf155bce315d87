package io.dt4j.cli;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.blockstore.FileBlockstore;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j import FILE}: builds the file's UnixFS DAG (as {@code ipfs add} or ipfs-car would)
 * and stores its blocks in {@code <home>/blocks}, or with {@code --car} writes them to a CARv1
 * instead. Prints {@code added <cid> <name>} like kubo.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a file as a UnixFS DAG into <home>/blocks, or into a CAR file with --car.",
      "Prints 'added <cid> <name>'; -q prints the root CID only."
    })
final class ImportCommand implements Callable<Integer> {

  /** The {@code --json} document. */
  record Report(
      String root,
      String name,
      long fileSize,
      long blocks,
      long blockBytes,
      String car,
      String blockstore,
      String profile,
      int cidVersion,
      int chunkSize,
      boolean rawLeaves,
      int maxLinks,
      double seconds) {}

  @ParentCommand private Dt4j dt4j;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to import.")
  private Path file;

  @Option(
      names = "--car",
      paramLabel = "OUT.car",
      description = "Write a CARv1 with the root in its header instead of storing the blocks.")
  private Path car;

  @Mixin private ImportSettings settings;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print the root CID only.")
  private boolean quiet;

  @Option(
      names = {"-p", "--progress"},
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description = "Progress bar on stderr (default: on when stderr is a terminal).")
  private Boolean progress;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    ImportOptions options = settings.options();
    long size = InputFile.sizeOf(file);
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = ProgressBar.of(err, size, progress);
    ImportResult dag;
    long blocks;
    long blockBytes;
    String store = null;
    try (InputStream in = bar.track(Files.newInputStream(file))) {
      if (car != null) {
        CarFileImport.Result result = CarFileImport.importFile(in, options, car);
        dag = result.dag();
        blocks = result.carBlocks();
        blockBytes = result.carBytes();
      } else {
        Path dir = dt4j.home().blocksDir();
        store = dir.toString();
        try (FileBlockstore blockstore = FileBlockstore.open(dir, false)) {
          Set<Cid> seen = new HashSet<>();
          long[] distinct = new long[2];
          dag =
              UnixFsImporter.importFile(
                  in,
                  options,
                  block -> {
                    if (seen.add(block.cid())) {
                      blockstore.put(block);
                      distinct[0]++;
                      distinct[1] += block.data().length;
                    }
                  });
          blocks = distinct[0];
          blockBytes = distinct[1];
        }
      }
    } catch (IOException | RuntimeException e) {
      bar.abandon();
      throw e;
    }
    double seconds = bar.elapsedSeconds();
    bar.finish(Summary.line(seconds, blocks, dag.fileSize()));
    String name = file.getFileName().toString();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(
          out,
          new Report(
              dag.root().toString(),
              name,
              dag.fileSize(),
              blocks,
              blockBytes,
              car == null ? null : car.toString(),
              store,
              settings.profileName(),
              options.cidVersion(),
              options.chunkSize(),
              options.rawLeaves(),
              options.maxLinks(),
              seconds));
    } else if (quiet) {
      out.println(dag.root());
    } else {
      out.println("added " + dag.root() + " " + name);
    }
    out.flush();
    return ExitCode.OK;
  }
}
