package io.dt4j.cli;

import io.dt4j.daemon.BlockImport;
import io.dt4j.daemon.admin.BlockMessages;
import io.dt4j.ipld.blockstore.FileBlockstore;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "When a daemon runs on the home (or --api names one), the daemon imports the file into its",
      "block store; --offline writes <home>/blocks directly.",
      "Prints 'added <cid> <name>'; -q prints the root CID only."
    })
final class ImportCommand implements Callable<Integer> {

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

  @Mixin private ProgressOption progress;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Option(
      names = "--offline",
      description = "Write to <home>/blocks directly even if a daemon runs (it must not).")
  private boolean offline;

  @Mixin private DaemonOptions daemon;

  @Override
  public Integer call() throws IOException {
    ImportOptions options = settings.options();
    long size = InputFile.sizeOf(file);
    if (car == null && !offline && AdminClient.daemonWanted(daemon, dt4j.home())) {
      return report(viaDaemon(options));
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = progress.bar(err, size);
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
          BlockImport.Result result = BlockImport.into(in, options, blockstore);
          dag = result.dag();
          blocks = result.blocks();
          blockBytes = result.blockBytes();
        }
      }
    } catch (IOException | RuntimeException e) {
      bar.abandon();
      throw e;
    }
    double seconds = bar.elapsedSeconds();
    bar.finish(Summary.line(seconds, blocks, dag.fileSize()));
    return report(
        new BlockMessages.ImportReport(
            dag.root().toString(),
            file.getFileName().toString(),
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
  }

  /** The daemon reads the file and imports it into its block store (no progress bar). */
  private BlockMessages.ImportReport viaDaemon(ImportOptions options) {
    AdminClient client = AdminClient.of(daemon, dt4j.home());
    return client.post(
        "ClientImport",
        new BlockMessages.Import(
            file.toAbsolutePath().normalize().toString(),
            settings.profileName(),
            options.cidVersion(),
            options.chunkSize(),
            options.rawLeaves(),
            options.maxLinks()),
        BlockMessages.ImportReport.class);
  }

  private int report(BlockMessages.ImportReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, report);
    } else if (quiet) {
      out.println(report.root());
    } else {
      out.println("added " + report.root() + " " + report.name());
    }
    out.flush();
    return ExitCode.OK;
  }
}
