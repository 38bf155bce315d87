package io.dt4j.cli;

import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
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
import picocli.CommandLine.Spec;

/** {@code dt4j cid FILE}: the root CID {@code dt4j import} would give, storing nothing. */
@Command(
    name = "cid",
    mixinStandardHelpOptions = true,
    description = "Print the root CID of a file's UnixFS DAG without storing anything.")
final class CidCommand implements Callable<Integer> {

  /** The {@code --json} document. */
  record Report(String root, String name, long fileSize) {}

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file.")
  private Path file;

  @Mixin private ImportSettings settings;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    ImportOptions options = settings.options();
    InputFile.sizeOf(file);
    ImportResult dag;
    try (InputStream in = Files.newInputStream(file)) {
      dag = UnixFsImporter.importFile(in, options, block -> {});
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(
          out, new Report(dag.root().toString(), file.getFileName().toString(), dag.fileSize()));
    } else {
      out.println(dag.root());
    }
    out.flush();
    return ExitCode.OK;
  }
}
