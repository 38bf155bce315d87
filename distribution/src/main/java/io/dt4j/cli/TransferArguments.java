package io.dt4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.daemon.admin.ApiJson;
import io.dt4j.daemon.admin.ChannelMessages;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments {@code dt4j pull} and {@code dt4j push} share, checked before anything is sent: the
 * peer's multiaddr with {@code /p2p}, the root CID, and the selector and voucher as JSON (typed
 * inline or as {@code @FILE}). Each bad one is a one-line usage error (exit 2).
 */
final class TransferArguments {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(
      index = "0",
      paramLabel = "MULTIADDR",
      description = "The other peer: /ip4/<ip>/tcp/<port>/p2p/<peer id>.")
  String address;

  @Parameters(index = "1", paramLabel = "ROOT", description = "The root CID of the DAG.")
  String root;

  @Option(
      names = "--selector",
      paramLabel = "JSON|@FILE",
      description = "IPLD selector as DAG-JSON (default: the whole DAG).")
  String selector;

  @Option(
      names = "--voucher-type",
      paramLabel = "ID",
      required = true,
      description = "The voucher's type, e.g. dt4j/ExampleVoucher (see 'dt4j plugins').")
  String voucherType;

  @Option(
      names = "--voucher",
      paramLabel = "JSON|@FILE",
      required = true,
      description =
          "The voucher as DAG-JSON, e.g. '[\"deal-1\", 1048576]' for dt4j/ExampleVoucher.")
  String voucher;

  /** Checks every argument and returns the request. */
  ChannelMessages.Open request() {
    NetNode.peerOf(NetNode.multiaddr(address));
    try {
      Cid.parse(root);
    } catch (MalformedIpldException e) {
      throw new CliUsageException("ROOT is not a CID: '" + root + "': " + e.getMessage());
    }
    JsonNode selectorJson = selector == null ? null : json("--selector", selector);
    return new ChannelMessages.Open(
        address, root, selectorJson, voucherType, json("--voucher", voucher));
  }

  /** Parses JSON given inline or as {@code @FILE}. */
  static JsonNode json(String option, String value) {
    String text = value.startsWith("@") ? read(option, Path.of(value.substring(1))) : value;
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new CliUsageException(option + " is empty; give JSON or @FILE");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new CliUsageException(option + " is not valid JSON: " + ApiJson.brief(e));
    }
  }

  private static String read(String option, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliUsageException(option + ": no such file: " + file);
    } catch (IOException e) {
      throw new CliUsageException(option + ": cannot read " + file + ": " + e.getMessage());
    }
  }
}
