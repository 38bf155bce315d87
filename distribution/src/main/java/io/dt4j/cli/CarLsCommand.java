package io.dt4j.cli;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.car.CarFormatException;
import io.dt4j.ipld.car.CarReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j car ls CAR}: the header, then every block in file order with its size, like the IPLD
 * oracle's {@code car-ls.mjs}. Every block is verified against its CID; the first bad one stops the
 * listing with its byte offset.
 */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = {
      "List a CAR: 'version N', one 'root <cid>' line per root, then '<cid> <size>' per block.",
      "Exits 1 at the first malformed section or block whose bytes do not match its CID."
    })
final class CarLsCommand implements Callable<Integer> {

  /** The {@code --json} document. */
  record Report(int version, List<String> roots, List<Entry> blocks) {}

  /** One block: its CID and size in bytes. */
  record Entry(String cid, long size) {}

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "CAR", description = "A CARv1 or CARv2 file.")
  private Path car;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    InputFile.sizeOf(car);
    PrintWriter out = spec.commandLine().getOut();
    List<Entry> entries = new ArrayList<>();
    try (CarReader reader = CarReader.open(Files.newInputStream(car))) {
      List<String> roots = reader.header().roots().stream().map(Cid::toString).toList();
      if (!json) {
        out.println("version " + reader.carVersion());
        roots.forEach(root -> out.println("root " + root));
      }
      for (Optional<Block> next = reader.next(); next.isPresent(); next = reader.next()) {
        Entry entry = new Entry(next.get().cid().toString(), next.get().data().length);
        if (json) {
          entries.add(entry);
        } else {
          out.println(entry.cid() + " " + entry.size());
        }
      }
      if (json) {
        JsonOutput.print(out, new Report(reader.carVersion(), roots, entries));
      }
    } catch (CarFormatException e) {
      out.flush();
      throw new CliException("corrupt CAR " + car + ": " + e.getMessage(), ExitCode.ERROR);
    }
    out.flush();
    return ExitCode.OK;
  }
}
