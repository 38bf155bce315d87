package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelInfo;
import io.dt4j.daemon.admin.ChannelMessages;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j channel show|pause|resume|cancel|restart|voucher ID}: one channel, named by its full
 * id, a unique prefix of it, or its bare transfer id (CLI-CONVENTIONS §5 item 8); an id that
 * matches several channels lists them and exits 3.
 */
@Command(
    name = "channel",
    mixinStandardHelpOptions = true,
    description = {
      "Show or control one channel. ID is the full channel id <initiator>-<responder>-<transfer id>,",
      "a unique prefix of it, or the bare transfer id (with --peerid and --initiator, lotus's way).",
      "An ID that matches several channels lists them and exits 3."
    },
    subcommands = {
      ChannelCommand.Show.class,
      ChannelCommand.Pause.class,
      ChannelCommand.Resume.class,
      ChannelCommand.Cancel.class,
      ChannelCommand.Restart.class,
      ChannelCommand.SendVoucher.class
    })
final class ChannelCommand {
  private ChannelCommand() {}

  /** What names the channel: the ID argument and lotus's optional narrowing flags. */
  static final class Target {
    @Parameters(paramLabel = "ID", description = "Full channel id, unique prefix, or transfer id.")
    String ref;

    @Option(
        names = "--peerid",
        paramLabel = "PEER",
        description = "With a bare transfer id: the other peer (needs --initiator).")
    String peer;

    @Option(
        names = "--initiator",
        paramLabel = "true|false",
        arity = "1",
        description = "With --peerid: whether this node opened the channel.")
    Boolean initiator;

    ChannelMessages.Action action(Long cancelTimeoutMs) {
      if (peer == null) {
        if (initiator != null) {
          throw new CliUsageException("--initiator goes with --peerid");
        }
        return new ChannelMessages.Action(ref, null, null, null, cancelTimeoutMs);
      }
      if (initiator == null) {
        throw new CliUsageException("--peerid needs --initiator=true or --initiator=false");
      }
      if (!ref.matches("\\d{1,20}")) {
        throw new CliUsageException(
            "with --peerid, ID must be a bare transfer id, not '" + ref + "'");
      }
      return new ChannelMessages.Action(null, ref, peer, initiator, cancelTimeoutMs);
    }
  }

  /** {@code dt4j channel show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show one channel in full: ids, status, counters with exact bytes, voucher, message.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"3:no such channel, or the ID matches several (listed)"})
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private DaemonOptions daemon;

    @Mixin private Target target;

    @Option(names = "--json", description = "Print the channel as one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
      AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
      ChannelInfo channel =
          client.post("DataTransferChannel", target.action(null), ChannelInfo.class);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        JsonOutput.print(out, channel);
      } else {
        ChannelDetail.lines(channel, Instant.now()).forEach(out::println);
        out.flush();
      }
      return ExitCode.OK;
    }
  }

  /** The controls share everything but the verb. */
  abstract static class Control implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Mixin private DaemonOptions daemon;

    @Mixin private Target target;

    @Option(
        names = "--json",
        description = "Print one JSON object: channel, action, peer_notified, message.")
    private boolean json;

    abstract String method();

    abstract String done();

    Long cancelTimeoutMs() {
      return null;
    }

    /** The request body: the channel's name, and what else the verb needs. */
    Object request(Target target) {
      return target.action(cancelTimeoutMs());
    }

    @Override
    public Integer call() {
      AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
      ChannelMessages.ActionResult result =
          client.post(method(), request(target), ChannelMessages.ActionResult.class);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        JsonOutput.print(out, result);
      } else {
        out.println(done() + " " + result.channel() + (result.peerNotified() ? "" : " locally"));
        out.flush();
      }
      if (!result.peerNotified()) {
        throw new CliException(result.message(), ExitCode.PARTIAL);
      }
      return ExitCode.OK;
    }
  }

  /** {@code dt4j channel pause}. */
  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a channel.")
  static final class Pause extends Control {
    @Override
    String method() {
      return "PauseDataTransfer";
    }

    @Override
    String done() {
      return "paused";
    }
  }

  /** {@code dt4j channel resume}. */
  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Resume a channel this node paused.")
  static final class Resume extends Control {
    @Override
    String method() {
      return "ResumeDataTransfer";
    }

    @Override
    String done() {
      return "resumed";
    }
  }

  /** {@code dt4j channel restart}. */
  @Command(
      name = "restart",
      mixinStandardHelpOptions = true,
      description = "Restart a channel after a disconnect or a restart of either node.")
  static final class Restart extends Control {
    @Override
    String method() {
      return "RestartDataTransfer";
    }

    @Override
    String done() {
      return "restarted";
    }
  }

  /** {@code dt4j channel voucher}: a new voucher, e.g. the payment a paused retrieval asks for. */
  @Command(
      name = "voucher",
      mixinStandardHelpOptions = true,
      description = {
        "Send a new voucher on a channel this node opened, e.g. the payment the responder asked",
        "for when it paused the channel; the responder's revalidator decides whether it resumes."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"2:bad voucher JSON", "3:no such channel, or ambiguous"})
  static final class SendVoucher extends Control {
    @Option(
        names = "--voucher-type",
        paramLabel = "ID",
        required = true,
        description = "The voucher's type, e.g. RetrievalDealPayment/1 (see 'dt4j plugins').")
    private String voucherType;

    @Option(
        names = "--voucher",
        paramLabel = "JSON|@FILE",
        required = true,
        description = "The voucher as DAG-JSON of its type's CBOR form.")
    private String voucher;

    @Override
    String method() {
      return "SendDataTransferVoucher";
    }

    @Override
    String done() {
      return "voucher sent on";
    }

    @Override
    Object request(Target target) {
      ChannelMessages.Action name = target.action(null);
      return new ChannelMessages.NewVoucher(
          name.channel(),
          name.transferId(),
          name.otherPeer(),
          name.isInitiator(),
          voucherType,
          TransferArguments.json("--voucher", voucher));
    }
  }

  /** {@code dt4j channel cancel}. */
  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = {
        "Cancel a channel: locally first, then tell the peer within --cancel-timeout.",
        "If the peer cannot be told, the channel stays cancelled here and the exit code is 4."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"3:no such channel, or ambiguous", "4:cancelled locally; peer not notified"})
  static final class Cancel extends Control {
    @Option(
        names = "--cancel-timeout",
        paramLabel = "DURATION",
        defaultValue = "5s",
        description = "How long to wait for the peer to be told (default: ${DEFAULT-VALUE}).")
    private String cancelTimeout;

    @Override
    String method() {
      return "CancelDataTransfer";
    }

    @Override
    String done() {
      return "cancelled";
    }

    @Override
    Long cancelTimeoutMs() {
      try {
        return io.dt4j.daemon.Settings.parseDuration(cancelTimeout).toMillis();
      } catch (IllegalArgumentException e) {
        throw new CliUsageException(
            "--cancel-timeout must be a duration such as 5s or 500ms, not '" + cancelTimeout + "'");
      }
    }
  }
}
