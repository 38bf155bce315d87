package io.dt4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the dt4j command line: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = Dt4j.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Runs {@code commandLine}, built by {@link Dt4j#commandLine} on the given writers. */
  static CliRun of(CommandLine commandLine, StringWriter out, StringWriter err, String... args) {
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
