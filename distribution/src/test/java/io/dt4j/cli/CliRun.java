package io.dt4j.cli;

import io.dt4j.daemon.admin.TestDaemon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
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

  /** Runs the command line against a daemon in this JVM ({@code --home} is added). */
  static CliRun on(TestDaemon daemon, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--home");
    all.add(daemon.home().toString());
    return of(all.toArray(String[]::new));
  }

  /**
   * Runs {@code dt4j pull|push ADDRESS ROOT} with an example voucher, then extra arguments, against
   * a daemon in this JVM.
   */
  static CliRun transfer(
      TestDaemon daemon,
      String verb,
      String address,
      String root,
      String voucher,
      String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                verb,
                address,
                root,
                "--voucher-type",
                "dt4j/ExampleVoucher",
                "--voucher",
                voucher));
    args.addAll(List.of(extra));
    return on(daemon, args.toArray(String[]::new));
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
