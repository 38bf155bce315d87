package io.dt4j.interop;

import io.dt4j.testing.SpecDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A reference tool of {@code shared/interop/<name>} (a Node.js package), copied into {@code
 * target/node/<name>} and installed there with {@code npm ci} from its lock file, then run as a
 * real process with a timeout. {@code shared/} is never written to.
 */
public final class NodeTool {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private final Path dir;

  private NodeTool(Path dir) {
    this.dir = dir;
  }

  /** The result of one run. */
  public record Run(int exitCode, String out, String err) {
    /** Returns stdout's lines. */
    public List<String> outLines() {
      return out.lines().toList();
    }
  }

  /**
   * Copies and installs a tool of {@code shared/interop}, once per build.
   *
   * @param name the folder under {@code shared/interop}, e.g. {@code ipld-oracle}
   * @return the installed tool
   */
  public static NodeTool install(String name) {
    return installFrom(SpecDocument.sharedDir().resolve("interop").resolve(name));
  }

  /**
   * Copies and installs a tool kept in this repository, once per build.
   *
   * @param source the tool's folder (package.json, package-lock.json, scripts)
   * @return the installed tool, in {@code target/node/<folder name>}
   */
  public static synchronized NodeTool installFrom(Path source) {
    String name = source.getFileName().toString();
    Path target = Path.of(System.getProperty("dt4j.node.dir", "target/node")).resolve(name);
    try {
      Files.createDirectories(target);
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (!Files.isDirectory(target.resolve("node_modules"))) {
        Run npm = run(target, INSTALL_TIMEOUT, List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (npm.exitCode() != 0) {
          throw new IllegalStateException("npm ci failed in " + target + ":\n" + npm.err());
        }
      }
      return new NodeTool(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + name + " into " + target, e);
    }
  }

  /** Returns the folder the tool was installed in. */
  public Path dir() {
    return dir;
  }

  /**
   * Runs {@code node <script> <args>} in the tool's folder.
   *
   * @param timeout how long it may take
   * @param script the script, e.g. {@code car-ls.mjs}
   * @param args its arguments
   * @return exit code and output
   */
  public Run node(Duration timeout, String script, String... args) {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(Arrays.asList(args));
    return run(dir, timeout, command);
  }

  /**
   * Starts {@code node <script> <args>} in the tool's folder and leaves it running.
   *
   * @param script the script
   * @param args its arguments
   * @return the process; the caller destroys it
   */
  public Process start(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).directory(dir.toFile()).start();
  }

  private static Run run(Path dir, Duration timeout, List<String> command) {
    try {
      Path out = Files.createTempFile("node-out", ".txt");
      Path err = Files.createTempFile("node-err", ".txt");
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
