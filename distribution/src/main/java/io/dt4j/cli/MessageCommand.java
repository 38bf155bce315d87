package io.dt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.api.TransferMessage;
import io.dt4j.core.messages.MalformedMessageException;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.messages.UnsupportedByVersionException;
import io.dt4j.ipld.MalformedIpldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dt4j message decode|encode}: data-transfer messages between hex and JSON. */
@Command(
    name = "message",
    mixinStandardHelpOptions = true,
    description = "Decode or encode data-transfer messages (for reading captures).",
    subcommands = {MessageCommand.Decode.class, MessageCommand.Encode.class})
final class MessageCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MessageCommand() {}

  /** {@code dt4j message decode}. */
  @Command(
      name = "decode",
      description = "Print a message, given as hex or @FILE of raw bytes, as JSON.")
  static final class Decode implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private ProtocolOptions protocol;

    @Parameters(
        paramLabel = "HEX|@FILE",
        description = "The message: hex digits, or @ and a file of raw bytes.")
    private String input;

    @Override
    public Integer call() throws IOException {
      byte[] bytes = input.startsWith("@") ? read(Path.of(input.substring(1))) : hex(input);
      try {
        TransferMessage message = MessageCodec.decode(bytes, protocol.version());
        spec.commandLine()
            .getOut()
            .println(
                MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(MessageJson.toJson(message)));
        return ExitCode.OK;
      } catch (MalformedMessageException e) {
        throw new CliException(e.getMessage(), ExitCode.ERROR);
      }
    }
  }

  /** {@code dt4j message encode}. */
  @Command(
      name = "encode",
      description = "Print the hex of a message given as JSON (the form decode prints), or @FILE.")
  static final class Encode implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private ProtocolOptions protocol;

    @Parameters(
        paramLabel = "JSON|@FILE",
        description = "The message as JSON, or @ and a JSON file.")
    private String input;

    @Override
    public Integer call() throws IOException {
      String text =
          input.startsWith("@")
              ? new String(read(Path.of(input.substring(1))), StandardCharsets.UTF_8)
              : input;
      try {
        JsonNode json = MAPPER.readTree(text);
        byte[] bytes = MessageCodec.encode(MessageJson.fromJson(json), protocol.version());
        spec.commandLine().getOut().println(HexFormat.of().formatHex(bytes));
        return ExitCode.OK;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new CliUsageException("not valid JSON: " + e.getOriginalMessage());
      } catch (IllegalArgumentException | MalformedIpldException e) {
        throw new CliUsageException("bad message JSON: " + e.getMessage());
      } catch (UnsupportedByVersionException e) {
        throw new CliException(e.getMessage(), ExitCode.ERROR);
      }
    }
  }

  /**
   * The options both subcommands share. Their own {@code --version} names the protocol, so they
   * take {@code -h/--help} but not picocli's standard {@code --version}.
   */
  static final class ProtocolOptions {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    private boolean help;

    @Option(
        names = "--version",
        paramLabel = "1.0|1.1",
        defaultValue = "1.1",
        description = "Protocol version (default: ${DEFAULT-VALUE}).")
    private String version;

    ProtocolVersion version() {
      try {
        return ProtocolVersion.parse(version);
      } catch (IllegalArgumentException e) {
        throw new CliUsageException(e.getMessage());
      }
    }
  }

  private static byte[] hex(String text) {
    try {
      return HexFormat.of().parseHex(text.strip().replace(" ", ""));
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("not hex: " + e.getMessage() + " (give hex digits or @FILE)");
    }
  }

  private static byte[] read(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliUsageException("no such file: " + file);
    }
  }
}
