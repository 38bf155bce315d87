package io.dt4j.cli;

import io.dt4j.daemon.admin.NodeMessages;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dt4j id}: the running daemon's peer id and listen addresses. */
@Command(
    name = "id",
    mixinStandardHelpOptions = true,
    description = {
      "Print the daemon's peer id, then each listen address (with /p2p/<peer id>) on its own line."
    })
final class IdCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Option(
      names = "--json",
      description = "Print one JSON object: peer_id, addresses, agent_version, transport, home.")
  private boolean json;

  @Override
  public Integer call() {
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    NodeMessages.Identity identity = client.get("ID", Map.of(), NodeMessages.Identity.class);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, identity);
    } else {
      out.println(identity.peerId());
      identity.addresses().forEach(out::println);
    }
    out.flush();
    return ExitCode.OK;
  }
}
