package io.dt4j.cli;

import io.dt4j.daemon.FileExport;
import io.dt4j.daemon.admin.BlockMessages;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.blockstore.FileBlockstore;
import io.dt4j.ipld.car.CarFormatException;
import io.dt4j.ipld.car.CarImportResult;
import io.dt4j.ipld.car.VerifiedCarImport;
import io.dt4j.ipld.unixfs.BlockNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j export CID|CAR --out FILE}: writes a UnixFS file's bytes, streaming. A CID is read
 * from {@code <home>/blocks}; a CAR file (a path ending {@code .car}, or any existing file) is
 * first verified in full into a temporary block store beside the output, so a corrupt CAR writes
 * nothing, then its single root is exported.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a UnixFS file: by CID from <home>/blocks, or the single root of a CAR file.",
      "When a daemon runs on the home (or --api names one), a CID is exported by the daemon from",
      "its block store (the path is the daemon's); --offline reads <home>/blocks directly.",
      "The output appears only once complete."
    })
final class ExportCommand implements Callable<Integer> {

  @ParentCommand private Dt4j dt4j;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "CID|CAR", description = "A root CID, or a CAR file with one root.")
  private String source;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "Where the file's bytes go.")
  private Path outFile;

  @Mixin private ProgressOption progress;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Option(
      names = "--offline",
      description = "Read <home>/blocks directly even if a daemon runs (it must not).")
  private boolean offline;

  @Mixin private DaemonOptions daemon;

  @Override
  public Integer call() throws IOException {
    Path car = carPath(source);
    Path target = outFile.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Cid root;
    long bytes;
    double seconds;
    if (car != null) {
      long size = InputFile.sizeOf(car);
      Path work = Files.createTempDirectory(target.getParent(), ".dt4j-export-");
      try (FileBlockstore store = FileBlockstore.open(work.resolve("store"), false)) {
        ProgressBar reading = progress.bar(err(), size);
        root = singleRoot(verifiedImport(car, store, work, reading));
        reading.finish("Verified " + car);
        Exported done = export(root, BlockLoader.of(store), target);
        bytes = done.bytes();
        seconds = reading.elapsedSeconds();
      } finally {
        deleteTree(work);
      }
    } else if (!offline && AdminClient.daemonWanted(daemon, dt4j.home())) {
      BlockMessages.ExportReport report =
          AdminClient.of(daemon, dt4j.home())
              .post(
                  "ClientExport",
                  new BlockMessages.Export(parseCid(source).toString(), target.toString()),
                  BlockMessages.ExportReport.class);
      return print(report);
    } else {
      root = parseCid(source);
      Path dir = dt4j.home().blocksDir();
      if (!Files.isDirectory(dir)) {
        throw new CliException(
            "block not found: " + root + " (no block store at " + dir + ")", ExitCode.NOT_FOUND);
      }
      try (FileBlockstore store = FileBlockstore.open(dir, false)) {
        Exported done = export(root, BlockLoader.of(store), target);
        bytes = done.bytes();
        seconds = done.seconds();
      }
    }
    return print(
        new BlockMessages.ExportReport(
            root.toString(),
            target.toString(),
            bytes,
            car != null ? car.toString() : "blocks",
            seconds));
  }

  private int print(BlockMessages.ExportReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, report);
    } else {
      out.println("exported " + report.root() + " " + report.bytes() + " bytes to " + outFile);
    }
    out.flush();
    return ExitCode.OK;
  }

  private record Exported(long bytes, double seconds) {}

  /** Exports through {@link FileExport}, counting on the bar. */
  private Exported export(Cid root, BlockLoader loader, Path target) throws IOException {
    ProgressBar bar = progress.bar(err(), -1);
    long bytes;
    try {
      bytes = FileExport.write(root, loader, target, bar::track);
    } catch (BlockNotFoundException e) {
      bar.abandon();
      throw new CliException(e.getMessage() + " (exporting " + root + ")", ExitCode.NOT_FOUND);
    } catch (IOException | RuntimeException e) {
      bar.abandon();
      throw e;
    }
    double seconds = bar.elapsedSeconds();
    bar.finish(Summary.line(seconds, 0, bytes).replace("Blocks: 0, ", ""));
    return new Exported(bytes, seconds);
  }

  private CarImportResult verifiedImport(Path car, FileBlockstore store, Path work, ProgressBar bar)
      throws IOException {
    try (InputStream in = bar.track(Files.newInputStream(car))) {
      return VerifiedCarImport.importCar(in, store, work);
    } catch (CarFormatException e) {
      bar.abandon();
      throw new CliException("corrupt CAR " + car + ": " + e.getMessage(), ExitCode.ERROR);
    }
  }

  private static Cid singleRoot(CarImportResult result) {
    if (result.roots().size() != 1) {
      throw new CliException(
          "the CAR has "
              + result.roots().size()
              + " roots; export needs exactly one (import it, then export a CID)",
          ExitCode.ERROR);
    }
    return result.roots().get(0);
  }

  /** A {@code .car} path, or any existing file, is a CAR; anything else must be a CID. */
  private static Path carPath(String source) {
    try {
      Path path = Path.of(source);
      return source.endsWith(".car") || Files.isRegularFile(path) ? path : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  static Cid parseCid(String text) {
    try {
      return Cid.parse(text);
    } catch (MalformedIpldException e) {
      throw new CliException(
          "not a CID or CAR file: '" + text + "': " + e.getMessage(), ExitCode.ERROR);
    }
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
