package io.dt4j.cli;

import io.dt4j.daemon.Dt4jHome;
import io.dt4j.daemon.Logging;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code dt4j} root command: global options ({@code --home}, {@code --debug}) and the
 * subcommands. Errors are one line on stderr with an exit code from {@link ExitCode}.
 */
@Command(
    name = "dt4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionLines.class,
    description = "A node for the Filecoin data-transfer protocol.",
    subcommands = {
      VersionCommand.class,
      DemoCommand.class,
      DaemonCommand.class,
      IdCommand.class,
      PeersCommand.class,
      ConnectCommand.class,
      ChannelsCommand.class,
      ChannelCommand.class,
      PullCommand.class,
      PushCommand.class,
      PluginsCommand.class,
      MessageCommand.class,
      ImportCommand.class,
      CidCommand.class,
      ExportCommand.class,
      CarCommand.class,
      NetCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:OK",
      "1:generic error",
      "2:usage error",
      "3:not found or ambiguous",
      "4:partial: local action done, peer not notified",
      "5:transfer ended Failed, Cancelled or Rejected",
      "124:timeout"
    })
public final class Dt4j implements Callable<Integer> {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "Home folder (plugins/, data). Default: DT4J_HOME (bin/dt4j: the folder dt4j"
              + " is installed in), else ~/.dt4j.")
  private Path home;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (also: DT4J_DEBUG=1).")
  private boolean debug;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      scope = ScopeType.INHERIT,
      description =
          "Log level: trace, debug, info, warn, error, off, or go-log's"
              + " 'error,dt-impl=debug' (also: DT4J_LOG_LEVEL, GOLOG_LOG_LEVEL). Default: warn, the"
              + " daemon info.")
  private String logLevel;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      scope = ScopeType.INHERIT,
      description = "Log format on stderr; json is one object per line (also: DT4J_LOG_FORMAT).")
  private String logFormat;

  @Spec private CommandSpec spec;

  /** Runs dt4j and exits the JVM with the command's {@link ExitCode}. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs dt4j with the given arguments, writing output to {@code out} and errors to {@code err}.
   *
   * @return the exit code, one of {@link ExitCode}
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    int exitCode = commandLine(out, err, "1".equals(System.getenv("DT4J_DEBUG"))).execute(args);
    out.flush();
    err.flush();
    return exitCode;
  }

  /** The configured command line; tests add their own subcommands to it. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debugFromEnvironment) {
    CommandLine commandLine = new CommandLine(new Dt4j());
    // `@FILE` is an argument of some commands (dt4j message), not a picocli argument file
    commandLine.setExpandAtFiles(false);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new ParameterErrorHandler());
    commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler(debugFromEnvironment));
    commandLine.setExecutionStrategy(
        parseResult -> {
          ((Dt4j) commandLine.getCommand()).applyLogging(commandLine);
          return new CommandLine.RunLast().execute(parseResult);
        });
    return commandLine;
  }

  /** {@code dt4j} without a command: the usage, on stderr, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /**
   * Sets the log level and format from the flags, else the environment ({@code DT4J_LOG_LEVEL},
   * {@code GOLOG_LOG_LEVEL}, {@code DT4J_LOG_FORMAT}, {@code GOLOG_LOG_FMT}); without either,
   * {@code conf/logback.xml} decides. The daemon applies its own settings again.
   */
  private void applyLogging(CommandLine commandLine) {
    String level = firstSet(logLevel, "DT4J_LOG_LEVEL", "GOLOG_LOG_LEVEL");
    String format = firstSet(logFormat, "DT4J_LOG_FORMAT", "GOLOG_LOG_FMT");
    try {
      Logging.apply(
          level == null ? new Logging.Levels(Optional.empty(), Map.of()) : Logging.parse(level),
          format == null ? null : Logging.format(format));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  private static String firstSet(String flag, String... variables) {
    if (flag != null) {
      return flag;
    }
    for (String variable : variables) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** The {@code --log-level} given, or null. */
  String logLevel() {
    return logLevel;
  }

  /** The {@code --log-format} given, or null. */
  String logFormat() {
    return logFormat;
  }

  /** The root command of any command, for the options every command shares. */
  static Dt4j of(CommandSpec spec) {
    return (Dt4j) spec.root().userObject();
  }

  /** The home folder chosen by {@code --home} or the defaults; for subcommands. */
  public Dt4jHome home() {
    return Dt4jHome.of(home);
  }

  /** Whether {@code --debug} was given. */
  public boolean debug() {
    return debug;
  }
}
