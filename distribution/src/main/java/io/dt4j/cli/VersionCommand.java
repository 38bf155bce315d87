package io.dt4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dt4j version}: dt4j's version, the Java runtime, the plugin API version and the home. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the dt4j version, the Java runtime, the plugin API version and the home.")
final class VersionCommand implements Callable<Integer> {

  /** The {@code --json} document; field names are stable. */
  record Report(
      String version,
      String javaVersion,
      String javaVendor,
      String javaHome,
      String pluginApiVersion,
      String home) {}

  @ParentCommand private Dt4j dt4j;

  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    VersionLines versions = new VersionLines();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Report report =
          new Report(
              versions.version(),
              System.getProperty("java.version"),
              System.getProperty("java.vendor"),
              System.getProperty("java.home"),
              versions.pluginApiVersion(),
              dt4j.home().toString());
      ObjectMapper mapper =
          new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    } else {
      versions.lines().forEach(out::println);
      out.println("home:       " + dt4j.home());
    }
    out.flush();
    return ExitCode.OK;
  }
}
